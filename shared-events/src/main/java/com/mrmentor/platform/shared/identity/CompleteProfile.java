package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The owner gives or updates their profile. */
public record CompleteProfile(UUID userId, String name, String phone, String profession, String domain, String photoUrl) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }

    /** Secrets and personal data never reach logs through this command. */
    @Override
    public String toString() {
        return "CompleteProfile[userId=" + userId + ", name=***, phone=***, profession=" + profession + ", domain="
                + domain + ", photoUrl=***]";
    }
}
