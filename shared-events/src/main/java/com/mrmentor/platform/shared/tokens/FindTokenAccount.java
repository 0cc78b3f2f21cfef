package com.mrmentor.platform.shared.tokens;

import java.util.UUID;

/** Asks for a wallet's balances; answered with a {@link TokenAccountView}. */
public record FindTokenAccount(UUID userId) {
}
