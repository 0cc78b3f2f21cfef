package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Prove the e-mail address with the code e-mailed at sign-up. Answers a {@link CodeOutcome}. */
public record VerifyEmail(UUID userId, String code) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }

    /** Secrets and personal data never reach logs through this command. */
    @Override
    public String toString() {
        return "VerifyEmail[userId=" + userId + ", code=***]";
    }
}
