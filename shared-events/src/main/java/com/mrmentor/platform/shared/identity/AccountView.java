package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.Platform;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An account as the read model shows it; personal fields are null once erased. */
public record AccountView(UUID userId, String email, String name, String phone, String profession, String domain,
                          String photoUrl, Set<Role> roles, Set<Platform> platforms, AccountStage stage,
                          AccountStatus status, RegistrationMethod registrationMethod, boolean hasPassword,
                          boolean googleLinked, boolean totpEnrolled, Instant registeredAt, Instant verifiedAt,
                          Instant profileCompletedAt, Instant lastSignInAt, String deactivatedReason,
                          Instant erasedAt) {
}
