package com.mrmentor.platform.shared.identity;

import java.util.UUID;

/**
 * Sessions, newest first: of one user when {@code userId} is set, of one sign-in method when {@code method} is set
 * (auditors list break-glass uses this way). Answers a list of {@link SessionView}.
 */
public record FindSessions(UUID userId, SignInMethod method, int page, int size) {
}
