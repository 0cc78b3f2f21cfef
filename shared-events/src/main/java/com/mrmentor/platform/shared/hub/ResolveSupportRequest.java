package com.mrmentor.platform.shared.hub;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** An administrator marks a support request resolved. */
public record ResolveSupportRequest(UUID pairingId, LocalDate sessionDate, UUID supportRequestId, UUID resolvedBy,
                                    String note) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return HubIds.sessionLog(pairingId, sessionDate);
    }
}
