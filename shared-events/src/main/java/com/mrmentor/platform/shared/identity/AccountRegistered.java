package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import com.mrmentor.platform.shared.common.Platform;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An account was created, in stage {@link AccountStage#SIGNUP}. The password (if any) is kept outside the event store.
 *
 * @param emailIndex keyed hash of the lower-cased e-mail: finds the account without decrypting, and is what an
 *                   invitation's e-mail is matched against
 * @param hasPassword whether a password was set (Google and some invited accounts have none)
 */
@Revision("1")
public record AccountRegistered(@DataSubject UUID userId, @PersonalData String email, @PersonalData String name,
                                String emailIndex, Set<Role> roles, Set<Platform> platforms,
                                RegistrationMethod method, boolean hasPassword, Instant registeredAt)
        implements AccountEvent {
}
