package com.mrmentor.platform.shared.hub;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One side of a pair (the author, the caller) submits or corrects its half of the session log of {@code sessionDate}.
 * {@code supportRequestId} names the support request this submission raises, if it raises one.
 */
public record SubmitSessionLogHalf(UUID pairingId, LocalDate sessionDate, UUID author, String topic, Integer score,
                                   boolean needsSupport, String supportReason, UUID supportRequestId) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return HubIds.sessionLog(pairingId, sessionDate);
    }
}
