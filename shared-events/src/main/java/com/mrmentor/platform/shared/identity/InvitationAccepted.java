package com.mrmentor.platform.shared.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** The invitee accepted with the invited e-mail; the account {@code userId} was created with the invited role. */
@Revision("1")
public record InvitationAccepted(UUID invitationId, UUID userId, Instant acceptedAt) {
}
