package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Record that a one-time code for {@code purpose} is being e-mailed; stores its hash. At most one per minute. */
public record IssueVerificationCode(UUID userId, CodePurpose purpose, String codeHash, Instant expiresAt) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }

    /** Secrets and personal data never reach logs through this command. */
    @Override
    public String toString() {
        return "IssueVerificationCode[userId=" + userId + ", purpose=" + purpose + ", codeHash=***, expiresAt="
                + expiresAt + "]";
    }
}
