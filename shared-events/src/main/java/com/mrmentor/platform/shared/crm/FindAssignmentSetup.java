package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The assignment rules and reps; an {@link AssignmentSetupView}. */
public record FindAssignmentSetup() {
}
