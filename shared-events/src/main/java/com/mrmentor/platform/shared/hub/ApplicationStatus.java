package com.mrmentor.platform.shared.hub;

/** Where a mentee's application to a mentor stands: {@code PENDING → INVITED_FOR_INTERVIEW → INTERVIEWED → ACCEPTED | REJECTED}. */
public enum ApplicationStatus {
    PENDING,
    INVITED_FOR_INTERVIEW,
    INTERVIEWED,
    ACCEPTED,
    REJECTED;

    /** ACCEPTED and REJECTED are final: nobody moves an application out of them. */
    public boolean isFinal() {
        return this == ACCEPTED || this == REJECTED;
    }

    /** Whether the mentor may move an application from this status to {@code to}: one step at a time, no skipping. */
    public boolean mentorMayMoveTo(ApplicationStatus to) {
        return switch (this) {
            case PENDING -> to == INVITED_FOR_INTERVIEW;
            case INVITED_FOR_INTERVIEW -> to == INTERVIEWED;
            case INTERVIEWED -> to == ACCEPTED || to == REJECTED;
            case ACCEPTED, REJECTED -> false;
        };
    }
}
