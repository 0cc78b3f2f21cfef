package com.mrmentor.platform.query.identity;

import com.mrmentor.platform.projections.identity.AccountReads;
import com.mrmentor.platform.shared.identity.AccountPage;
import com.mrmentor.platform.shared.identity.AccountView;
import com.mrmentor.platform.shared.identity.FindAccount;
import com.mrmentor.platform.shared.identity.FindAccounts;
import com.mrmentor.platform.shared.identity.FindActiveSessions;
import com.mrmentor.platform.shared.identity.FindSessions;
import com.mrmentor.platform.shared.identity.SessionView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers the identity queries from the account, session and invitation read models. */
@Component
public class IdentityQueryHandlers {

    private final AccountReads reads;

    public IdentityQueryHandlers(AccountReads reads) {
        this.reads = reads;
    }

    /** The account, or null when unknown. */
    @QueryHandler
    public AccountView handle(FindAccount query) {
        return reads.account(query.userId()).orElse(null);
    }

    @QueryHandler
    public AccountPage handle(FindAccounts query) {
        return reads.accounts(query);
    }

    @QueryHandler
    public List<SessionView> handle(FindActiveSessions query) {
        return reads.activeSessions(query.userId());
    }

    @QueryHandler
    public List<SessionView> handle(FindSessions query) {
        return reads.sessions(query.userId(), query.method(), query.platform(), query.page(), query.size());
    }
}
