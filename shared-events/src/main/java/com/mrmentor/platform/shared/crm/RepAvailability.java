package com.mrmentor.platform.shared.crm;

/** Whether a rep takes new leads by rule: only ACTIVE reps do. */
public enum RepAvailability {
    ACTIVE, PAUSED, ON_LEAVE
}
