package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.shared.common.Platform;
import com.mrmentor.platform.shared.identity.IdentityIds;
import com.mrmentor.platform.shared.identity.InvitationAccepted;
import com.mrmentor.platform.shared.identity.InvitationIssued;
import com.mrmentor.platform.shared.identity.InvitationRevoked;
import com.mrmentor.platform.shared.identity.IssueInvitation;
import com.mrmentor.platform.shared.identity.RevokeInvitation;
import com.mrmentor.platform.shared.identity.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An administrator's invitation to join with a role. Invariants: valid for a limited time, used at most once, and
 * only by the person it was sent to (the e-mail presented must be the invited one).
 */
@Aggregate
public class Invitation {

    /** Where an invitation stands. */
    public enum Status { OPEN, ACCEPTED, REVOKED }

    @AggregateIdentifier
    private String id;
    private UUID invitationId;
    private UUID userId;
    private String emailIndex;
    private Role role;
    private Set<Platform> platforms;
    private Instant expiresAt;
    private Status status;

    /** For Axon, which rebuilds the invitation from its events. */
    protected Invitation() {
    }

    @CommandHandler
    public Invitation(IssueInvitation command, OpaqueTokens tokens, IdentityPolicy policy, Clock clock) {
        if (command.invitationId() == null || command.userId() == null || command.invitedBy() == null
                || command.tokenHash() == null) {
            throw IdentityRules.missingDetail("invitation");
        }
        if (command.email() == null || command.email().isBlank() || command.emailIndex() == null) {
            throw IdentityRules.missing("email");
        }
        if (command.role() == null) {
            throw IdentityRules.missing("role");
        }
        if (command.platforms() == null || command.platforms().isEmpty()) {
            throw IdentityRules.missing("platform");
        }
        Instant expiry = clock.instant().plus(policy.invitationTtl());
        apply(new InvitationIssued(command.invitationId(), command.userId(), EmailIndex.normalise(command.email()),
                command.emailIndex(), command.role(), Set.copyOf(command.platforms()),
                command.invitedBy(), expiry));
        tokens.store(command.tokenHash(), OpaqueTokens.Kind.INVITATION, command.invitationId(), 0, expiry);
    }

    /**
     * Marks the invitation used by {@code emailIndex}. Called by {@link InvitationAcceptance} in the same unit of
     * work that creates the account, so that both happen or neither.
     */
    void accept(String presentedEmailIndex, Instant now) {
        if (status != Status.OPEN) {
            throw IdentityRules.invitationNotOpen(status);
        }
        if (!now.isBefore(expiresAt)) {
            throw IdentityRules.invitationExpired();
        }
        if (!emailIndex.equals(presentedEmailIndex)) {
            throw IdentityRules.invitationEmailMismatch();
        }
        apply(new InvitationAccepted(invitationId, userId, now));
    }

    @CommandHandler
    public void handle(RevokeInvitation command) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw IdentityRules.missing("reason");
        }
        if (status != Status.OPEN) {
            throw IdentityRules.invitationNotOpen(status);
        }
        apply(new InvitationRevoked(invitationId, userId, command.reason().trim()));
    }

    UUID userId() {
        return userId;
    }

    Role role() {
        return role;
    }

    Set<Platform> platforms() {
        return platforms;
    }

    @EventSourcingHandler
    void on(InvitationIssued event) {
        id = IdentityIds.invitation(event.invitationId());
        invitationId = event.invitationId();
        userId = event.userId();
        emailIndex = event.emailIndex();
        role = event.role();
        platforms = event.platforms();
        expiresAt = event.expiresAt();
        status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(InvitationAccepted event) {
        status = Status.ACCEPTED;
    }

    @EventSourcingHandler
    void on(InvitationRevoked event) {
        status = Status.REVOKED;
    }
}
