package com.mrmentor.platform.shared.crm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The current rule list with its version, and every configured rep. */
public record AssignmentSetupView(int version, List<AssignmentRule> rules, Instant publishedAt, UUID publishedBy,
                                  List<RepConfig> reps) {

    /** A rep's capacity and availability. */
    public record RepConfig(UUID repId, int dailyCapacity, RepAvailability availability) {
    }
}
