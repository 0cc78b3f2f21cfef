package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.shared.identity.FindActiveSessions;
import com.mrmentor.platform.shared.identity.RevokeSession;
import com.mrmentor.platform.shared.identity.SessionRevocationReason;
import com.mrmentor.platform.shared.identity.SessionView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends a user's sessions after a password change, deactivation or erasure, each as its own recorded revocation.
 * Deactivation and erasure do not depend on it (every request checks the account's status), a password change does.
 */
@Component
public class SessionRevoker {

    private static final Logger log = LoggerFactory.getLogger(SessionRevoker.class);

    private final QueryGateway queries;
    private final CommandSender commands;

    public SessionRevoker(QueryGateway queries, CommandSender commands) {
        this.queries = queries;
        this.commands = commands;
    }

    /** Revokes every active session of {@code userId} except {@code keep} (may be null); answers how many. */
    public int revokeAll(UUID userId, UUID keep, SessionRevocationReason reason) {
        List<SessionView> sessions;
        try {
            sessions = queries.query(new FindActiveSessions(userId),
                    ResponseTypes.multipleInstancesOf(SessionView.class)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not list the sessions of " + userId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int revoked = 0;
        for (SessionView session : sessions) {
            if (!session.sessionId().equals(keep)) {
                commands.send(new RevokeSession(session.sessionId(), reason));
                revoked++;
            }
        }
        log.info("Revoked {} session(s) of {} ({})", revoked, userId, reason);
        return revoked;
    }
}
