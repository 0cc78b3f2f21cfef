package com.mrmentor.platform.shared.tokens;

import java.util.UUID;

/**
 * Wallet aggregates are identified by their owner's user id with a prefix, so that no other aggregate keyed by the
 * same user id (an account, a mentor profile) can collide with it in the event store.
 */
public final class WalletIds {

    /** Prefix of every token wallet's aggregate identifier. */
    public static final String PREFIX = "token-wallet:";

    private WalletIds() {
    }

    /** The aggregate identifier of the wallet owned by {@code userId}. */
    public static String of(UUID userId) {
        return PREFIX + userId;
    }
}
