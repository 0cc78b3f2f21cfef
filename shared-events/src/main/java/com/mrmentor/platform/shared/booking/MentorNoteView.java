package com.mrmentor.platform.shared.booking;

import java.time.Instant;
import java.util.UUID;

/** One private note of a mentor on a booking. */
public record MentorNoteView(UUID noteId, UUID bookingId, String text, Instant keptAt) {
}
