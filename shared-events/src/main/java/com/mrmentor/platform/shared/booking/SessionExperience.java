package com.mrmentor.platform.shared.booking;

/** How the student found a session, as the seed system asked it. */
public enum SessionExperience {
    EXCELLENT,
    GOOD,
    AVERAGE,
    BELOW_AVERAGE,
    POOR
}
