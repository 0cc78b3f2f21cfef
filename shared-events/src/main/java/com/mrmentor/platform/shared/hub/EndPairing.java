package com.mrmentor.platform.shared.hub;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The mentee ends a pairing, the mentor releases the mentee, or an administrator ({@code asAdmin}) ends it. */
public record EndPairing(UUID mentorId, UUID pairingId, UUID endedBy, boolean asAdmin, String reason) {
    @TargetAggregateIdentifier
    public String aggregateId() {
        return HubIds.circle(mentorId);
    }
}
