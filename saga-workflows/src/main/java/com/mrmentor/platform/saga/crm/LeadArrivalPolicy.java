package com.mrmentor.platform.saga.crm;

import com.mrmentor.platform.shared.common.MetadataKeys;
import com.mrmentor.platform.shared.crm.AutoAssignLead;
import com.mrmentor.platform.shared.crm.LeadCaptured;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Assigns every new lead on arrival: {@link LeadCaptured} → {@link AutoAssignLead}. A tracking processor, so an arrival
 * is never missed (a node that dies before assigning leaves the event for the next); a repeated delivery is harmless
 * because the lead ignores the command once it has a rep. Waits for the answer so that arrivals are assigned in order.
 */
@Component
@ProcessingGroup(LeadArrivalPolicy.PROCESSING_GROUP)
public class LeadArrivalPolicy {

    public static final String PROCESSING_GROUP = "crm-arrivals";

    private final CommandGateway commands;

    public LeadArrivalPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay // sends a command: never again on a replay (the operations endpoint refuses this group too)
    void on(LeadCaptured event) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new AutoAssignLead(event.leadId()))
                .andMetaData(Map.of(MetadataKeys.USER_ID, MetadataKeys.SYSTEM_ACTOR)));
    }
}
