package com.mrmentor.platform.shared.discovery;

import java.util.UUID;

/** The public reviews of mentor {@code mentorId}, newest first; answers a {@link MentorReviewPage}. */
public record FindMentorReviews(UUID mentorId, int page, int size) {
}
