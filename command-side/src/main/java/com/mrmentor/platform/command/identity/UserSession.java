package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.shared.identity.IdentityIds;
import com.mrmentor.platform.shared.identity.RefreshTokenReuseDetected;
import com.mrmentor.platform.shared.identity.RevokeSession;
import com.mrmentor.platform.shared.identity.RotateRefreshToken;
import com.mrmentor.platform.shared.identity.RotationOutcome;
import com.mrmentor.platform.shared.identity.SessionRefreshed;
import com.mrmentor.platform.shared.identity.SessionRevocationReason;
import com.mrmentor.platform.shared.identity.SessionRevoked;
import com.mrmentor.platform.shared.identity.SessionStarted;
import com.mrmentor.platform.shared.identity.StartSession;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One sign-in session: a family of refresh tokens of which only the newest generation is valid.
 *
 * <p>Invariants: each rotation makes exactly one new generation and retires the presented one; presenting a retired
 * generation means two parties hold the family, so the whole session is revoked (OAuth 2.0 Security BCP,
 * refresh-token rotation); a revoked session stays revoked; no rotation extends a session past its maximum lifetime
 * (90 days by default). Two clients racing with the same token therefore leave
 * one rotation and, for the loser, a revoked family.
 */
@Aggregate
public class UserSession {

    @AggregateIdentifier
    private String id;
    private UUID sessionId;
    private UUID userId;
    private int generation;
    private Instant startedAt;
    private Instant expiresAt;
    private boolean revoked;

    /** For Axon, which rebuilds the session from its events. */
    protected UserSession() {
    }

    @CommandHandler
    public UserSession(StartSession command, OpaqueTokens tokens, IdentityPolicy policy, Clock clock) {
        if (command.sessionId() == null || command.userId() == null || command.method() == null
                || command.platform() == null || command.refreshTokenHash() == null) {
            throw IdentityRules.missingDetail("session");
        }
        Instant now = clock.instant();
        Instant expiry = now.plus(policy.refreshTokenTtl());
        apply(new SessionStarted(command.sessionId(), command.userId(), command.method(), command.platform(), now,
                expiry));
        tokens.store(command.refreshTokenHash(), OpaqueTokens.Kind.REFRESH, command.sessionId(), 0, expiry);
    }

    @CommandHandler
    public RotationOutcome handle(RotateRefreshToken command, OpaqueTokens tokens, IdentityPolicy policy,
                                  Clock clock) {
        if (revoked) {
            return RotationOutcome.refused(RotationOutcome.Result.REVOKED, userId);
        }
        if (command.presentedGeneration() > generation || command.newRefreshTokenHash() == null) {
            throw IdentityRules.invalidRefreshToken();
        }
        Instant now = clock.instant();
        if (command.presentedGeneration() < generation) {
            apply(new RefreshTokenReuseDetected(sessionId, userId, command.presentedGeneration(), generation));
            apply(new SessionRevoked(sessionId, userId, SessionRevocationReason.REFRESH_TOKEN_REUSE, now));
            return RotationOutcome.refused(RotationOutcome.Result.REUSED, userId);
        }
        if (!now.isBefore(expiresAt)) {
            return RotationOutcome.refused(RotationOutcome.Result.EXPIRED, userId);
        }
        Instant sessionEnd = startedAt.plus(policy.maxSessionLifetime());
        if (!now.isBefore(sessionEnd)) {
            return RotationOutcome.refused(RotationOutcome.Result.EXPIRED, userId);
        }
        int next = generation + 1;
        // sliding, but never past the session's absolute end: a stolen family cannot be kept alive for ever
        Instant expiry = min(now.plus(policy.refreshTokenTtl()), sessionEnd);
        apply(new SessionRefreshed(sessionId, userId, next, now, expiry));
        tokens.store(command.newRefreshTokenHash(), OpaqueTokens.Kind.REFRESH, sessionId, next, expiry);
        return RotationOutcome.rotated(userId, next, expiry);
    }

    /** Revoking twice changes nothing, so logout and the bulk revocations may race. */
    @CommandHandler
    public void handle(RevokeSession command, Clock clock) {
        if (command.reason() == null) {
            throw IdentityRules.missing("reason");
        }
        if (!revoked) {
            apply(new SessionRevoked(sessionId, userId, command.reason(), clock.instant()));
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @EventSourcingHandler
    void on(SessionStarted event) {
        id = IdentityIds.session(event.sessionId());
        sessionId = event.sessionId();
        userId = event.userId();
        generation = 0;
        startedAt = event.startedAt();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(SessionRefreshed event) {
        generation = event.generation();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(SessionRevoked event) {
        revoked = true;
    }
}
