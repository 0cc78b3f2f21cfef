package com.mrmentor.platform.shared.discovery;

import java.util.List;

/**
 * One page of a mentor search.
 *
 * @param totalElements mentors matching the search
 * @param totalPages    pages of {@code size}
 */
public record MentorSearchPage(List<MentorCard> mentors, int page, int size, long totalElements, int totalPages) {
}
