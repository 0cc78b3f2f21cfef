package com.mrmentor.platform.command.crm;

import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.crm.CaptureLead;
import com.mrmentor.platform.shared.crm.CaptureLeads;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Sends {@link CaptureLead} for every source (manual entry, website form, import, vendor). When another arrival
 * claimed the same phone or e-mail at the same moment ({@link CrmRules#CONTACT_CLAIMED}), the capture is tried again
 * and then finds that lead, so the loser becomes a duplicate record on it — never a second lead, never dropped.
 */
@Component
public class LeadCapture {

    private final CommandSender commands;

    public LeadCapture(CommandSender commands) {
        this.commands = commands;
    }

    /**
     * Captures a batch in one unit of work ({@link CaptureLeads}), tried again like a single capture when another
     * arrival claimed one of its contacts at the same moment (the retry finds that lead). Any other failure is the
     * caller's to handle: nothing of the batch was stored.
     */
    public List<LeadIntake.RowOutcome> captureAll(CaptureLeads command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.send(command, BATCH_TIMEOUT);
            } catch (RuleViolation violation) {
                if (!CrmRules.CONTACT_CLAIMED.equals(violation.code()) || attempt >= 3) {
                    throw violation;
                }
            }
        }
    }

    /** A batch of a hundred rows takes well under a second; this bounds a stuck database, not normal work. */
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);

    public LeadIntake.Captured capture(CaptureLead command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.send(command);
            } catch (RuleViolation violation) {
                if (!CrmRules.CONTACT_CLAIMED.equals(violation.code()) || attempt >= 3) {
                    throw violation;
                }
            }
        }
    }
}
