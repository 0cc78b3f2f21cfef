package com.mrmentor.platform.shared.tokens;

import java.util.List;

/**
 * A page of grants, newest first.
 *
 * @param grants        the grants
 * @param page          zero-based page number
 * @param size          requested page size
 * @param totalElements matching grants
 * @param totalPages    pages
 */
public record TokenGrantPage(List<TokenGrantView> grants, int page, int size, long totalElements, int totalPages) {
}
