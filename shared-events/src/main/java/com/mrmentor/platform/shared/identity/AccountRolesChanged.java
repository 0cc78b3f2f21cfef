package com.mrmentor.platform.shared.identity;

import org.axonframework.serialization.Revision;

import java.util.Set;
import java.util.UUID;

/** An administrator changed the account's roles; effective from the account's next request. */
@Revision("1")
public record AccountRolesChanged(UUID userId, Set<Role> roles, Set<Role> previousRoles, String reason)
        implements AccountEvent {
}
