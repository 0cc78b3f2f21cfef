package com.mrmentor.platform.shared.discovery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A mentor as a search result.
 *
 * @param averageRating     mean of the stars of rated sessions, 2 decimals; null without ratings
 * @param ratingsCount      rated sessions
 * @param completedSessions sessions settled as completed
 * @param nextAvailableAt   start of the next free slot within the booking horizon, or null when there is none
 */
public record MentorCard(UUID mentorId, String name, String headline, List<String> expertise, String track,
                         String company, List<String> languages, int pricePerSession, BigDecimal averageRating,
                         long ratingsCount, long completedSessions, Instant nextAvailableAt) {

    /** The same card with its next free slot. */
    public MentorCard withNextAvailableAt(Instant next) {
        return new MentorCard(mentorId, name, headline, expertise, track, company, languages, pricePerSession,
                averageRating, ratingsCount, completedSessions, next);
    }
}
