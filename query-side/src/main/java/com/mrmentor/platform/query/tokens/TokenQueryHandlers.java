package com.mrmentor.platform.query.tokens;

import com.mrmentor.platform.projections.tokens.TokenAccountRepository;
import com.mrmentor.platform.projections.tokens.TokenGrantEntity;
import com.mrmentor.platform.projections.tokens.TokenGrantRepository;
import com.mrmentor.platform.projections.tokens.TokenLedgerEntryEntity;
import com.mrmentor.platform.projections.tokens.TokenLedgerEntryRepository;
import com.mrmentor.platform.projections.tokens.TokenLotEntity;
import com.mrmentor.platform.projections.tokens.TokenLotRepository;
import com.mrmentor.platform.shared.tokens.FindTokenAccount;
import com.mrmentor.platform.shared.tokens.FindTokenGrant;
import com.mrmentor.platform.shared.tokens.FindTokenGrants;
import com.mrmentor.platform.shared.tokens.FindTokenLedger;
import com.mrmentor.platform.shared.tokens.TokenAccountView;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokenGrantPage;
import com.mrmentor.platform.shared.tokens.TokenGrantView;
import com.mrmentor.platform.shared.tokens.TokenLedgerEntryView;
import com.mrmentor.platform.shared.tokens.TokenLedgerPage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Answers the token ledger's queries from its read models; returns views, never entities. */
@Component
@Transactional(readOnly = true)
public class TokenQueryHandlers {

    private final TokenAccountRepository accounts;
    private final TokenLotRepository lots;
    private final TokenLedgerEntryRepository ledger;
    private final TokenGrantRepository grants;

    public TokenQueryHandlers(TokenAccountRepository accounts, TokenLotRepository lots,
                              TokenLedgerEntryRepository ledger, TokenGrantRepository grants) {
        this.accounts = accounts;
        this.lots = lots;
        this.ledger = ledger;
        this.grants = grants;
    }

    /** A user without a wallet yet has an empty one. */
    @QueryHandler
    public TokenAccountView handle(FindTokenAccount query) {
        Map<TokenCategory, Long> byCategory = new EnumMap<>(TokenCategory.class);
        for (TokenCategory category : TokenCategory.values()) {
            byCategory.put(category, 0L);
        }
        List<TokenLotEntity> owned = lots.findByUserIdAndRemainingGreaterThan(query.userId(), 0);
        owned.forEach(lot -> byCategory.merge(lot.getCategory(), lot.getRemaining(), Long::sum));
        return accounts.findById(query.userId())
                .map(account -> new TokenAccountView(account.getUserId(), account.getBalance(), account.getHeld(),
                        account.getBalance() - account.getHeld(), byCategory, nextExpiry(owned),
                        account.getLastSequence()))
                .orElseGet(() -> new TokenAccountView(query.userId(), 0, 0, 0, byCategory, null, -1));
    }

    @QueryHandler
    public TokenLedgerPage handle(FindTokenLedger query) {
        Page<TokenLedgerEntryEntity> page = ledger.findByUserIdOrderBySequenceDesc(query.userId(),
                PageRequest.of(query.page(), query.size()));
        return new TokenLedgerPage(page.map(TokenQueryHandlers::view).getContent(), query.page(), query.size(),
                page.getTotalElements(), page.getTotalPages());
    }

    @QueryHandler
    public TokenGrantView handle(FindTokenGrant query) {
        return grants.findById(query.grantId()).map(TokenQueryHandlers::view).orElse(null);
    }

    @QueryHandler
    public TokenGrantPage handle(FindTokenGrants query) {
        PageRequest pageRequest = PageRequest.of(query.page(), query.size());
        Page<TokenGrantEntity> page;
        if (query.platform() != null) {
            page = query.status() == null
                    ? grants.findVisibleIn(query.platform().name(), pageRequest)
                    : grants.findVisibleIn(query.platform().name(), query.status().name(), pageRequest);
        } else {
            page = query.status() == null
                    ? grants.findAllByOrderByRequestedAtDesc(pageRequest)
                    : grants.findByStatusOrderByRequestedAtDesc(query.status(), pageRequest);
        }
        return new TokenGrantPage(page.map(TokenQueryHandlers::view).getContent(), query.page(), query.size(),
                page.getTotalElements(), page.getTotalPages());
    }

    /** The earliest expiry among open lots with unheld tokens, and how many tokens expire then. */
    private static TokenAccountView.NextExpiry nextExpiry(List<TokenLotEntity> owned) {
        List<TokenLotEntity> expiring = owned.stream()
                .filter(lot -> !lot.isClosed() && lot.getExpiresAt() != null && lot.getRemaining() > lot.getHeld())
                .toList();
        return expiring.stream().map(TokenLotEntity::getExpiresAt).min(Comparator.naturalOrder())
                .map(first -> new TokenAccountView.NextExpiry(first, expiring.stream()
                        .filter(lot -> Objects.equals(lot.getExpiresAt(), first))
                        .mapToLong(lot -> lot.getRemaining() - lot.getHeld()).sum()))
                .orElse(null);
    }

    private static TokenLedgerEntryView view(TokenLedgerEntryEntity e) {
        return new TokenLedgerEntryView(e.getEntryId(), e.getSequence(), e.getType(),
                e.getAmount(), e.getBalanceAfter(), e.getHeldAfter(), e.getCategory(), e.getReference(),
                e.getReason(), e.getActor(), e.getOccurredAt());
    }

    private static TokenGrantView view(TokenGrantEntity g) {
        return new TokenGrantView(g.getGrantId(), g.getUserId(), g.getAmount(), g.getCategory(), g.getStatus(),
                g.getReason(), g.getExpiresAt(), g.getRequestedBy(), g.getRequestedAt(), g.getDecidedBy(),
                g.getDecidedAt(), g.getDecisionNote(), g.getRemaining(), g.getSource(), g.getOrderId());
    }
}
