package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * A Google account (its stable subject id) now signs in to this account.
 *
 * @param unprovenPasswordRemoved the account had never proven its e-mail, so its password may have been set by
 *                                someone else who typed the address; it was removed (the owner can set one by reset)
 */
@Revision("1")
public record GoogleIdentityLinked(@DataSubject UUID userId, @PersonalData String googleSubject,
                                   boolean unprovenPasswordRemoved, Instant at)
        implements AccountEvent {
}
