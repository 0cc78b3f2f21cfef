package com.mrmentor.platform.shared.identity;

import java.util.UUID;

/** The user's sessions that are not revoked; answers a list of {@link SessionView}. */
public record FindActiveSessions(UUID userId) {
}
