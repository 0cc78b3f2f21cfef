package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.Platform;

import java.util.UUID;

/**
 * Sessions, newest first: of one user when {@code userId} is set, of one sign-in method when {@code method} is set
 * (auditors list break-glass uses this way), opened through one platform when {@code platform} is set. Answers a
 * list of {@link SessionView}.
 */
public record FindSessions(UUID userId, SignInMethod method, Platform platform, int page, int size) {
}
