package com.mrmentor.platform.shared.mentorship;

import java.util.UUID;

/** Aggregate identifiers of the mentorship context. */
public final class MentorIds {

    private MentorIds() {
    }

    /** The mentor aggregate of user {@code userId} (application, profile, availability). */
    public static String mentor(UUID userId) {
        return "mentor:" + userId;
    }
}
