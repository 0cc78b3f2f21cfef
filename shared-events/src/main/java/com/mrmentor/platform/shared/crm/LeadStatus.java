package com.mrmentor.platform.shared.crm;

import java.util.Set;

/**
 * The pipeline: {@code NEW → ASSIGNED → CONTACTED → FOLLOW_UP → INTERESTED → APPLICATION_SUBMITTED → CONVERTED},
 * or {@code NOT_INTERESTED} / {@code LOST} (with a reason) from any open stage. Reps move forward (skipping is
 * allowed, going back is not); {@code FOLLOW_UP} and {@code CONTACTED} may alternate.
 */
public enum LeadStatus {
    NEW, ASSIGNED, CONTACTED, FOLLOW_UP, INTERESTED, APPLICATION_SUBMITTED, CONVERTED, NOT_INTERESTED, LOST;

    private static final Set<LeadStatus> CLOSED = Set.of(CONVERTED, NOT_INTERESTED, LOST);

    /** A closed lead no longer counts as open work for its rep. */
    public boolean isClosed() {
        return CLOSED.contains(this);
    }

    /** Whether a rep may move a lead from this status to {@code to} by hand (conversion has its own command). */
    public boolean mayMoveTo(LeadStatus to) {
        if (isClosed() || to == this || to == NEW || to == ASSIGNED || to == CONVERTED) {
            return false;
        }
        if (to == NOT_INTERESTED || to == LOST) {
            return true;
        }
        if (this == FOLLOW_UP && to == CONTACTED) {
            return true;
        }
        return to.ordinal() > ordinal();
    }

    /** Whether leaving this status needs a reason. */
    public static boolean needsReason(LeadStatus to) {
        return to == NOT_INTERESTED || to == LOST;
    }
}
