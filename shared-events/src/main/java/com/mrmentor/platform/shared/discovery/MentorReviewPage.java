package com.mrmentor.platform.shared.discovery;

import java.util.List;

/** One page of a mentor's reviews, newest first. */
public record MentorReviewPage(List<MentorReview> reviews, int page, int size, long totalElements, int totalPages) {
}
