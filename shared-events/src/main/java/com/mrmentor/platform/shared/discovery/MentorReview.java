package com.mrmentor.platform.shared.discovery;

import com.mrmentor.platform.shared.booking.SessionExperience;

import java.time.Instant;

/**
 * A student's rating of a session, as the public sees it: never who wrote it.
 *
 * @param comment null when the student left none, or was erased
 */
public record MentorReview(int stars, SessionExperience experience, boolean mentorOnTime, String comment,
                           Instant ratedAt) {
}
