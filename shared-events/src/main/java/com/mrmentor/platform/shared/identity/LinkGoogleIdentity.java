package com.mrmentor.platform.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Let a Google account with the same verified e-mail sign in to this account; proves the e-mail too.
 *
 * @param googleOwnsAddress whether Google is authoritative for the address (Gmail, or the account's Workspace
 *                          domain); only then may a Google account that is not linked yet stand for the account
 */
public record LinkGoogleIdentity(UUID userId, String googleSubject, boolean googleOwnsAddress) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return IdentityIds.account(userId);
    }

    /** Secrets and personal data never reach logs through this command. */
    @Override
    public String toString() {
        return "LinkGoogleIdentity[userId=" + userId + ", googleSubject=***, googleOwnsAddress=" + googleOwnsAddress
                + "]";
    }
}
