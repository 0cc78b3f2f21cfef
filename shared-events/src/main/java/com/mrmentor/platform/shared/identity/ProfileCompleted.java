package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The owner gave (or changed) their profile. The first one moves the account to
 * {@link AccountStage#PROFILE_COMPLETE}; later ones update it.
 */
@Revision("1")
public record ProfileCompleted(@DataSubject UUID userId, @PersonalData String name, @PersonalData String phone,
                               String profession, String domain, @PersonalData String photoUrl, Instant at)
        implements AccountEvent {
}
