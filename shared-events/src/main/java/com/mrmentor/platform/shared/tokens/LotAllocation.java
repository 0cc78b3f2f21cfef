package com.mrmentor.platform.shared.tokens;

import java.util.UUID;

/**
 * The part of a hold, capture or release that falls on one grant (a "lot" of tokens).
 *
 * @param grantId  the grant the tokens came from
 * @param category the grant's category
 * @param amount   how many of its tokens
 */
public record LotAllocation(UUID grantId, TokenCategory category, long amount) {
}
