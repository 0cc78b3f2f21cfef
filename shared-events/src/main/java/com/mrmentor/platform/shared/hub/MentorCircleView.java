package com.mrmentor.platform.shared.hub;

import java.util.List;
import java.util.UUID;

/** A mentor's capacity and active mentees. */
public record MentorCircleView(UUID mentorId, int maxMentees, int activeMentees, List<PairingView> mentees) {
}
