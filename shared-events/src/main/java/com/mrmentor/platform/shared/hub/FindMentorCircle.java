package com.mrmentor.platform.shared.hub;

import java.util.UUID;

/** The mentor's capacity and active mentees; a {@link MentorCircleView}. */
public record FindMentorCircle(UUID mentorId) {
}
