package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.shared.identity.AcceptInvitation;
import com.mrmentor.platform.shared.identity.IdentityIds;
import com.mrmentor.platform.shared.identity.RegisterAccount;
import com.mrmentor.platform.shared.identity.RegistrationMethod;
import com.mrmentor.platform.shared.identity.VerificationMethod;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Accepting an invitation touches two aggregates: the invitation is used up and the account is created. Both happen
 * in this one command's unit of work, so in one transaction: an account never exists without its used invitation,
 * and an invitation is never used without its account (a second acceptance, or an e-mail already registered, rolls
 * both back).
 */
@Component
public class InvitationAcceptance {

    private final Repository<Invitation> invitations;
    private final Repository<UserAccount> accounts;
    private final Credentials credentials;
    private final Clock clock;

    public InvitationAcceptance(@Qualifier("invitationRepository") Repository<Invitation> invitations,
                                @Qualifier("userAccountRepository") Repository<UserAccount> accounts,
                                Credentials credentials, Clock clock) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** Answers the new account's user id. */
    @CommandHandler
    public UUID handle(AcceptInvitation command) throws Exception {
        if (command.name() == null || command.name().isBlank()) {
            throw IdentityRules.missing("name");
        }
        if (command.passwordHash() == null) {
            throw IdentityRules.missing("password");
        }
        Instant now = clock.instant();
        var invitation = invitations.load(IdentityIds.invitation(command.invitationId()));
        invitation.execute(open -> open.accept(command.emailIndex(), now));
        Invitation accepted = invitation.invoke(i -> i);
        RegisterAccount registration = new RegisterAccount(accepted.userId(), command.email(), command.name(),
                command.emailIndex(), Set.of(accepted.role()), accepted.platforms(), RegistrationMethod.INVITATION,
                command.passwordHash(), VerificationMethod.INVITATION);
        accounts.newInstance(() -> new UserAccount(registration, credentials, clock));
        return accepted.userId();
    }
}
