package com.mrmentor.platform.command.mentorship;

import com.mrmentor.platform.command.identity.UserAccount;
import com.mrmentor.platform.shared.identity.GrantRole;
import com.mrmentor.platform.shared.identity.IdentityIds;
import com.mrmentor.platform.shared.identity.Role;
import com.mrmentor.platform.shared.mentorship.AdmitMentor;
import com.mrmentor.platform.shared.mentorship.ApproveMentorApplication;
import com.mrmentor.platform.shared.mentorship.MentorIds;
import com.mrmentor.platform.shared.common.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * An approved applicant becomes a mentor and gains the MENTOR role in one unit of work: the approval and the role
 * change are stored together or not at all, so there is never an active mentor who cannot use the mentor routes.
 */
@Component
public class MentorAdmission {

    private final Repository<Mentor> mentors;
    private final Repository<UserAccount> accounts;
    private final Clock clock;

    public MentorAdmission(@Qualifier("mentorRepository") Repository<Mentor> mentors,
                           @Qualifier("userAccountRepository") Repository<UserAccount> accounts, Clock clock) {
        this.mentors = mentors;
        this.accounts = accounts;
        this.clock = clock;
    }

    @CommandHandler
    public void handle(AdmitMentor command) {
        try {
            mentors.load(MentorIds.mentor(command.userId())).execute(mentor ->
                    mentor.handle(new ApproveMentorApplication(command.userId(), command.approvedBy()), clock));
        } catch (AggregateNotFoundException unknown) {
            throw new RuleViolation("not-a-mentor", RuleViolation.Kind.NOT_FOUND, "No such mentor");
        }
        accounts.load(IdentityIds.account(command.userId())).execute(account ->
                account.handle(new GrantRole(command.userId(), Role.MENTOR, "mentor application approved")));
    }
}
