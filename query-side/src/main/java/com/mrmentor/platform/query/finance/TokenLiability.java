package com.mrmentor.platform.query.finance;

import java.time.Instant;
import java.util.Map;

/**
 * The tokens the platform owes its users as of an instant: every token in a wallet, whether free to spend or held
 * for a booking, recomputed from the wallets' events stored up to that instant.
 *
 * @param asOf                 the instant: events stamped at or before it count
 * @param computedAt           when this was computed
 * @param wallets              wallets that existed then (of the requested ones, if some were named)
 * @param walletsHoldingTokens of them, those with a balance above zero
 * @param balance              tokens owned, held ones included ({@code available + held}): the liability
 * @param held                 tokens reserved by holds not yet captured or released
 * @param available            tokens free to spend
 * @param byCategory           the same per category (PAID, PROMOTIONAL), by the category of each grant's lot
 * @param eventsFolded         how many stored events went into it
 */
public record TokenLiability(Instant asOf, Instant computedAt, long wallets, long walletsHoldingTokens, long balance,
                             long held, long available, Map<String, Tokens> byCategory, long eventsFolded) {

    /**
     * Tokens of one category.
     *
     * @param balance   owned, held ones included
     * @param held      reserved by holds
     * @param available free to spend
     */
    public record Tokens(long balance, long held, long available) {
    }
}
