package com.mrmentor.platform.shared.hub;

import java.time.LocalDate;
import java.util.UUID;

/** An event of one pairing's session log of one date (aggregate id: {@link HubIds#sessionLog(UUID, LocalDate)}). */
public interface SessionLogEvent {
    UUID pairingId();

    LocalDate sessionDate();
}
