package com.mrmentor.platform.shared.tokens;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A wallet's balances as the read model knows them.
 *
 * @param userId     owner
 * @param balance    tokens owned, held ones included
 * @param held       tokens reserved by active holds
 * @param available  tokens that can be held or spent now
 * @param byCategory tokens owned per category
 * @param nextExpiry the earliest upcoming expiry, or null when nothing expires
 * @param version    sequence number of the last wallet event applied
 */
public record TokenAccountView(UUID userId, long balance, long held, long available,
                               Map<TokenCategory, Long> byCategory, NextExpiry nextExpiry, long version) {

    /**
     * The tokens that expire first.
     *
     * @param at     when
     * @param amount how many (the unheld remainder of the grants expiring then)
     */
    public record NextExpiry(Instant at, long amount) {
    }
}
