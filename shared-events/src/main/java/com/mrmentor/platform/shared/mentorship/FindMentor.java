package com.mrmentor.platform.shared.mentorship;

import java.util.UUID;

/** The mentor {@code userId}; answers a {@link MentorView}, or null when the user never applied. */
public record FindMentor(UUID userId) {
}
