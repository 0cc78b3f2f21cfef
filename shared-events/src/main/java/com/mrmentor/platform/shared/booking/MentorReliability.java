package com.mrmentor.platform.shared.booking;

import java.util.UUID;

/**
 * A mentor's record with bookings. {@code reliability} is the share of confirmed sessions the mentor neither
 * cancelled nor missed (null before the first confirmed session that ended).
 */
public record MentorReliability(UUID mentorId, long requests, long declined, long expired, long confirmed,
                                long completed, long cancelledByMentor, long cancelledByStudent,
                                long lateCancellationsByStudent, long mentorNoShows, long studentNoShows,
                                Double reliability) {
}
