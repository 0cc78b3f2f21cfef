package com.mrmentor.platform.shared.tokens;

import java.util.List;

/**
 * A page of ledger lines, newest first.
 *
 * @param entries       the lines
 * @param page          zero-based page number
 * @param size          requested page size
 * @param totalElements lines in the whole ledger
 * @param totalPages    pages in the whole ledger
 */
public record TokenLedgerPage(List<TokenLedgerEntryView> entries, int page, int size, long totalElements,
                              int totalPages) {
}
