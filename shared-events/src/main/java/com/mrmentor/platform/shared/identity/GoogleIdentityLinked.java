package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A Google account (its stable subject id) now signs in to this account. */
@Revision("1")
public record GoogleIdentityLinked(@DataSubject UUID userId, @PersonalData String googleSubject, Instant at)
        implements AccountEvent {
}
