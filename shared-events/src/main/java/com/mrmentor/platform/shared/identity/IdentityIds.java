package com.mrmentor.platform.shared.identity;

import java.util.UUID;

/**
 * Aggregate identifiers of the identity context. Prefixed so that they never collide with another context's ids in
 * the one event store, and so that an auditor sees what a stream is.
 */
public final class IdentityIds {

    private IdentityIds() {
    }

    public static String account(UUID userId) {
        return "account:" + userId;
    }

    public static String session(UUID sessionId) {
        return "session:" + sessionId;
    }

    public static String invitation(UUID invitationId) {
        return "invitation:" + invitationId;
    }
}
