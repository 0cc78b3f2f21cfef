package com.mrmentor.platform.shared.hub;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/** Aggregate identifiers of the hub context, and ids derived from others. */
public final class HubIds {

    private HubIds() {
    }

    /** The circle of mentor {@code mentorId}: capacity, applications, pairings and groups. */
    public static String circle(UUID mentorId) {
        return "hub-circle:" + mentorId;
    }

    /** The session log of a pairing on one date. */
    public static String sessionLog(UUID pairingId, LocalDate sessionDate) {
        return "hub-log:" + pairingId + ":" + sessionDate;
    }

    /** The pairing an accepted application creates: one per application, so a retried acceptance names the same. */
    public static UUID pairingOf(UUID applicationId) {
        return UUID.nameUUIDFromBytes(("hub-pairing\n" + applicationId).getBytes(StandardCharsets.UTF_8));
    }
}
