package com.mrmentor.platform.shared.crm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Assign the lead by the rules, if it is still unassigned (sent on arrival and by the sweep). */
public record AutoAssignLead(UUID leadId) {
}
