package com.mrmentor.platform.shared.tokens;

import com.mrmentor.platform.shared.common.Platform;

/**
 * Asks for grants, newest first, optionally only those in one status (approvers list PENDING_APPROVAL); answered
 * with a {@link TokenGrantPage}.
 *
 * @param status GRANTED, PENDING_APPROVAL, REJECTED, LAPSED, EXPIRED or REVOKED; null for all
 * @param page   zero-based page number
 * @param size   grants per page
 * @param platform only grants to users of this platform (and to wallets with no account behind them); null for all
 */
public record FindTokenGrants(TokenGrantStatus status, int page, int size, Platform platform) {
}
