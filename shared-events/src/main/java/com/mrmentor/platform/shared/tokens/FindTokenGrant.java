package com.mrmentor.platform.shared.tokens;

import java.util.UUID;

/** Asks for one grant; answered with a {@link TokenGrantView}, or null when unknown. */
public record FindTokenGrant(UUID grantId) {
}
