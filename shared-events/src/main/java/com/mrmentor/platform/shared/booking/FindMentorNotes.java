package com.mrmentor.platform.shared.booking;

import java.util.UUID;

/** The private notes of a booking's mentor, oldest first; answers a list of {@link MentorNoteView}. */
public record FindMentorNotes(UUID bookingId) {
}
