package com.mrmentor.platform.shared.hub;

import java.util.UUID;

/** An event of one mentor's circle (aggregate id: {@link HubIds#circle(UUID)}). */
public interface MentorCircleEvent {
    UUID mentorId();
}
