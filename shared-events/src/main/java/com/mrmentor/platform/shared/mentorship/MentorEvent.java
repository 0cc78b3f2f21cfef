package com.mrmentor.platform.shared.mentorship;

import java.util.UUID;

/** An event of one mentor (aggregate id: {@link MentorIds#mentor(UUID)}). */
public interface MentorEvent {
    UUID userId();
}
