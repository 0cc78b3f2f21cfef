package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import com.mrmentor.platform.shared.common.Platform;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An administrator invited someone by e-mail. The invitee's user id is chosen now, so that the e-mail is encrypted
 * with the key of the person it belongs to.
 */
@Revision("1")
public record InvitationIssued(UUID invitationId, @DataSubject UUID userId, @PersonalData String email,
                               String emailIndex, Role role, Set<Platform> platforms, UUID invitedBy,
                               Instant expiresAt) {
}
