package com.mrmentor.platform.command.crm;

import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.shared.crm.AutoAssignLead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Retries the unassigned queue by the rules (every 15 minutes, scheduled by the runtime, and on a sales head's
 * request): up to {@code platform.crm.sweep-batch} (1000) leads per sweep, the most recently queued first, since a
 * fresh lead is worth most. A lead that still fits nobody stays queued (recording nothing new); the number left is
 * logged as an alert.
 */
@Component
public class LeadAssignmentSweep {

    private static final Logger log = LoggerFactory.getLogger(LeadAssignmentSweep.class);
    private final CrmDirectory directory;
    private final CommandSender commands;
    private final int batch;

    public LeadAssignmentSweep(CrmDirectory directory, CommandSender commands,
                               @Value("${platform.crm.sweep-batch:1000}") int batch) {
        this.directory = directory;
        this.commands = commands;
        this.batch = batch;
    }

    /** Tries every queued lead once; answers how many were tried and how many found a rep. */
    public Outcome sweep() {
        List<UUID> queued = directory.queued(batch);
        int assigned = 0;
        for (UUID leadId : queued) {
            try {
                LeadIntake.Routed routed = commands.send(new AutoAssignLead(leadId));
                if (routed.repId() != null) {
                    assigned++;
                }
            } catch (RuntimeException failed) {
                log.warn("Sweep could not assign lead {}: {}", leadId, failed.getMessage());
            }
        }
        int left = queued.size() - assigned;
        if (left > 0) {
            log.warn("ALERT crm-unassigned-queue: {} lead(s) fit no rep after the sweep", left);
        }
        return new Outcome(queued.size(), assigned, left);
    }

    /** What one sweep did. */
    public record Outcome(int tried, int assigned, int stillQueued) {
    }
}
