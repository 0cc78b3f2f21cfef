package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.Platform;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;
import java.util.UUID;

/** An administrator sets the platforms the account belongs to. */
public record ChangeAccountPlatforms(UUID userId, Set<Platform> platforms, String reason) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }
}
