package com.mrmentor.platform.shared.crm;

/** How a rule picks a rep among its eligible reps; MANUAL: a person named the rep. */
public enum AssignmentStrategy {
    ROUND_ROBIN, FEWEST_OPEN, WEIGHTED, MANUAL
}
