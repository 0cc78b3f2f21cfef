package com.mrmentor.platform.command.crm;

import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.command.identity.AccountDirectory;
import com.mrmentor.platform.command.identity.EmailIndex;
import com.mrmentor.platform.shared.common.Platform;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.crm.ConvertLead;
import com.mrmentor.platform.shared.crm.FindLead;
import com.mrmentor.platform.shared.crm.LeadView;
import com.mrmentor.platform.shared.identity.RegisterAccount;
import com.mrmentor.platform.shared.identity.RegistrationMethod;
import com.mrmentor.platform.shared.identity.Role;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;

/**
 * Converts a lead into a student: links the account that has the lead's e-mail, or creates a STUDENT account for it
 * (unverified, without a password: the student proves the address and sets a password with "forgot password"), then
 * records {@code LeadConverted} naming the student. Both commands carry the request's correlation id, and the lead's
 * events name the student, so one chain runs from lead to student to the student's purchases and bookings.
 *
 * <p>Not one transaction: an account created just before the lead refuses the conversion (closed meanwhile) stays, as
 * an account the student may use; converting again links it.
 */
@Component
public class LeadConversion {

    private final CommandSender commands;
    private final QueryGateway queries;
    private final AccountDirectory accounts;
    private final EmailIndex emailIndex;

    public LeadConversion(CommandSender commands, QueryGateway queries, AccountDirectory accounts,
                          EmailIndex emailIndex) {
        this.commands = commands;
        this.queries = queries;
        this.accounts = accounts;
        this.emailIndex = emailIndex;
    }

    public Converted convert(UUID leadId, UUID actor, boolean asHead, Platform platform) {
        LeadView lead = queries.query(new FindLead(leadId), ResponseTypes.instanceOf(LeadView.class)).join();
        if (lead == null || (!asHead && !actor.equals(lead.ownerId()))) {
            throw CrmRules.leadNotFound();
        }
        if (lead.status().isClosed()) {
            throw CrmRules.leadClosed(lead.status());
        }
        if (lead.email() == null) {
            throw new RuleViolation("missing-email", RuleViolation.Kind.UNPROCESSABLE,
                    "A lead needs an e-mail to become a student");
        }
        String index = emailIndex.of(lead.email());
        UUID studentId = accounts.userIdFor(index).orElse(null);
        boolean created = false;
        if (studentId == null) {
            studentId = UUID.randomUUID();
            try {
                commands.send(new RegisterAccount(studentId, lead.email(),
                        lead.name() == null ? lead.email() : lead.name(), index, Set.of(Role.STUDENT),
                        Set.of(platform), RegistrationMethod.CRM_CONVERSION, null, null));
                created = true;
            } catch (RuleViolation registeredMeanwhile) {
                studentId = accounts.userIdFor(index).orElseThrow(() -> registeredMeanwhile);
            }
        }
        commands.send(new ConvertLead(leadId, studentId, created, actor, asHead));
        return new Converted(leadId, studentId, created);
    }

    /** The student the lead became, and whether their account was created by the conversion. */
    public record Converted(UUID leadId, UUID studentId, boolean accountCreated) {
    }
}
