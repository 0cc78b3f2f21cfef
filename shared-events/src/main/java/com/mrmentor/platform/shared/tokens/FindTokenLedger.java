package com.mrmentor.platform.shared.tokens;

import java.util.UUID;

/**
 * Asks for a page of a wallet's ledger, newest first; answered with a {@link TokenLedgerPage}.
 *
 * @param userId owner
 * @param page   zero-based page number
 * @param size   entries per page
 */
public record FindTokenLedger(UUID userId, int page, int size) {
}
