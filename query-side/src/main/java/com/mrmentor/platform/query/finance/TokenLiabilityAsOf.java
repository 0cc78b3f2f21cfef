package com.mrmentor.platform.query.finance;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.query.audit.StoredEvent;
import com.mrmentor.platform.query.audit.StoredEventReader;
import com.mrmentor.platform.query.tokens.StoredTokensGranted;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The token liability as of an instant, folded from the wallets' events stored up to it (one streaming pass over the
 * {@code TokenWallet} events; only one running figure per wallet and category is kept). Balances move by the lot
 * categories the events name: grants, expiries and revocations by their grant's category, holds, captures and
 * releases by their allocations. An event counts when its stored timestamp, read as an instant, is at or before
 * {@code asOf}.
 */
@Component
public class TokenLiabilityAsOf {

    private static final int BALANCE = 0;
    private static final int HELD = 1;

    private final StoredEventReader events;
    private final Clock clock;

    public TokenLiabilityAsOf(StoredEventReader events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Over every wallet, or only over {@code owners} when it is not empty. */
    @Transactional(readOnly = true) // PostgreSQL streams a result set by its fetch size only inside a transaction
    public TokenLiability asOf(Instant asOf, Set<UUID> owners) {
        Map<UUID, Map<TokenCategory, long[]>> wallets = new HashMap<>();
        long[] folded = new long[1];
        events.scanType("TokenWallet", event -> {
            if (event.timestamp().isAfter(asOf)) {
                return;
            }
            JsonNode p = event.payload();
            UUID owner = UUID.fromString(p.get("userId").asText());
            if (!owners.isEmpty() && !owners.contains(owner)) {
                return;
            }
            folded[0]++;
            Map<TokenCategory, long[]> wallet = wallets.computeIfAbsent(owner, id -> new LinkedHashMap<>());
            switch (simpleName(event)) {
                case "TokensGranted" -> {
                    StoredTokensGranted grant = StoredTokensGranted.of(event); // either revision
                    move(wallet, grant.category(), BALANCE, grant.amount());
                }
                case "TokenGrantExpired", "TokenGrantRevoked" ->
                        move(wallet, category(p), BALANCE, -p.get("amount").asLong());
                case "TokensHeld" -> perAllocation(wallet, p, 1, 0);
                case "TokenHoldCaptured" -> perAllocation(wallet, p, -1, -1);
                case "TokenHoldReleased" -> perAllocation(wallet, p, -1, 0);
                default -> {
                    // openings, requests, decisions, lapses and extensions move no tokens
                }
            }
        });

        Map<TokenCategory, long[]> totals = new java.util.EnumMap<>(TokenCategory.class);
        long holding = 0;
        for (Map<TokenCategory, long[]> wallet : wallets.values()) {
            long balance = 0;
            for (Map.Entry<TokenCategory, long[]> category : wallet.entrySet()) {
                long[] sum = totals.computeIfAbsent(category.getKey(), c -> new long[2]);
                sum[BALANCE] += category.getValue()[BALANCE];
                sum[HELD] += category.getValue()[HELD];
                balance += category.getValue()[BALANCE];
            }
            holding += balance > 0 ? 1 : 0;
        }
        Map<String, TokenLiability.Tokens> byCategory = new LinkedHashMap<>();
        long balance = 0;
        long held = 0;
        for (TokenCategory category : TokenCategory.values()) {
            long[] sum = totals.getOrDefault(category, new long[2]);
            byCategory.put(category.name(), new TokenLiability.Tokens(sum[BALANCE], sum[HELD],
                    sum[BALANCE] - sum[HELD]));
            balance += sum[BALANCE];
            held += sum[HELD];
        }
        return new TokenLiability(asOf, clock.instant(), wallets.size(), holding, balance, held, balance - held,
                byCategory, folded[0]);
    }

    /** Moves each allocation's tokens: held by {@code heldSign}, owned by {@code balanceSign}. */
    private static void perAllocation(Map<TokenCategory, long[]> wallet, JsonNode payload, int heldSign,
                                      int balanceSign) {
        for (JsonNode allocation : payload.path("allocations")) {
            long amount = allocation.get("amount").asLong();
            TokenCategory category = category(allocation);
            move(wallet, category, HELD, heldSign * amount);
            move(wallet, category, BALANCE, balanceSign * amount);
        }
    }

    private static void move(Map<TokenCategory, long[]> wallet, TokenCategory category, int column, long amount) {
        wallet.computeIfAbsent(category, c -> new long[2])[column] += amount;
    }

    private static TokenCategory category(JsonNode node) {
        return TokenCategory.valueOf(node.get("category").asText());
    }

    private static String simpleName(StoredEvent event) {
        return event.type().substring(event.type().lastIndexOf('.') + 1);
    }
}
