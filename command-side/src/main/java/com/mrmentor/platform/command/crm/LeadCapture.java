package com.mrmentor.platform.command.crm;

import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.crm.CaptureLead;
import org.springframework.stereotype.Component;

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
