package com.mrmentor.platform.query.tokens;

import com.mrmentor.platform.projections.identity.AccountReads;
import com.mrmentor.platform.query.audit.StoredEvent;
import com.mrmentor.platform.shared.common.Platform;
import jakarta.servlet.http.HttpServletRequest;
import com.mrmentor.platform.query.audit.StoredEventReader;
import com.mrmentor.platform.shared.tokens.FindTokenAccount;
import com.mrmentor.platform.shared.tokens.FindTokenGrant;
import com.mrmentor.platform.shared.tokens.FindTokenGrants;
import com.mrmentor.platform.shared.tokens.FindTokenLedger;
import com.mrmentor.platform.shared.tokens.TokenAccountView;
import com.mrmentor.platform.shared.tokens.TokenGrantPage;
import com.mrmentor.platform.shared.tokens.TokenGrantStatus;
import com.mrmentor.platform.shared.tokens.TokenGrantView;
import com.mrmentor.platform.shared.tokens.TokenLedgerPage;
import com.mrmentor.platform.shared.tokens.WalletIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Reads of the token ledger. A wallet is readable by its owner and by ADMIN, FINANCE and AUDITOR; grants by ADMIN,
 * FINANCE and AUDITOR (route-level roles are declared in the security configuration).
 */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "Tokens: queries")
public class TokenQueryController {

    /** Roles that may read any wallet. */
    private static final Set<String> WALLET_READERS = Set.of("ROLE_ADMIN", "ROLE_FINANCE", "ROLE_AUDITOR");

    private final QueryGateway queries;
    private final StoredEventReader storedEvents;

    private final AccountReads accounts;
    private final HttpServletRequest request;

    public TokenQueryController(QueryGateway queries, StoredEventReader storedEvents, AccountReads accounts,
                                HttpServletRequest request) {
        this.queries = queries;
        this.storedEvents = storedEvents;
        this.accounts = accounts;
        this.request = request;
    }

    @GetMapping("/accounts/{userId}")
    @Operation(summary = "Balance, held, available, per category and next expiry (owner, ADMIN, FINANCE, AUDITOR)")
    public TokenAccountView account(@PathVariable UUID userId, Authentication caller) {
        requireOwnerOrReader(userId, caller);
        return queries.query(new FindTokenAccount(userId), ResponseTypes.instanceOf(TokenAccountView.class)).join();
    }

    @GetMapping("/accounts/{userId}/ledger")
    @Operation(summary = "Ledger lines, newest first (owner, ADMIN, FINANCE, AUDITOR)")
    public TokenLedgerPage ledger(@PathVariable UUID userId,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                                  Authentication caller) {
        requireOwnerOrReader(userId, caller);
        return queries.query(new FindTokenLedger(userId, page, size), ResponseTypes.instanceOf(TokenLedgerPage.class))
                .join();
    }

    @GetMapping("/accounts/{userId}/history")
    @Operation(summary = "The wallet's events exactly as stored, with metadata and global position "
            + "(owner, ADMIN, FINANCE, AUDITOR)")
    public List<StoredEvent> history(@PathVariable UUID userId, Authentication caller) {
        requireOwnerOrReader(userId, caller);
        List<StoredEvent> events = storedEvents.eventsOf(WalletIds.of(userId));
        // The owner sees the events and their chain, not the staff's roles, addresses and idempotency keys.
        return isReader(caller) ? events : events.stream().map(StoredEvent::withOwnerVisibleMetadata).toList();
    }

    @GetMapping("/grants")
    @Operation(summary = "Grants to users of the request's platform, newest first, optionally by status "
            + "(ADMIN, FINANCE, AUDITOR)")
    public TokenGrantPage grants(@RequestParam(required = false) TokenGrantStatus status,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return queries.query(new FindTokenGrants(status, page, size, requestPlatform()),
                ResponseTypes.instanceOf(TokenGrantPage.class)).join();
    }

    @GetMapping("/grants/{grantId}")
    @Operation(summary = "One grant (ADMIN, FINANCE, AUDITOR)")
    public TokenGrantView grant(@PathVariable UUID grantId) {
        TokenGrantView grant = queries.query(new FindTokenGrant(grantId),
                ResponseTypes.instanceOf(TokenGrantView.class)).join();
        if (grant == null || !visibleInRequestPlatform(grant.userId())) {
            throw new ResponseStatusException(NOT_FOUND, "No such grant");
        }
        return grant;
    }

    private static boolean isReader(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(WALLET_READERS::contains);
    }

    /**
     * The owner, or staff reading a wallet whose owner belongs to the request's platform; a wallet of another
     * platform's user answers 404 as if it did not exist. (A wallet with no account behind it is not tied to a
     * platform.)
     */
    private void requireOwnerOrReader(UUID userId, Authentication caller) {
        boolean owner = userId.toString().equals(caller.getName());
        if (!owner && !isReader(caller)) {
            throw new AccessDeniedException("Only the owner, ADMIN, FINANCE or AUDITOR may read this wallet");
        }
        if (!owner && !visibleInRequestPlatform(userId)) {
            throw new ResponseStatusException(NOT_FOUND, "No such wallet");
        }
    }

    /** Whether {@code userId}'s data may be seen from the request's platform (unknown accounts: yes). */
    private boolean visibleInRequestPlatform(UUID userId) {
        Platform platform = requestPlatform();
        return platform == null || accounts.account(userId)
                .map(account -> account.platforms().contains(platform)).orElse(true);
    }

    private Platform requestPlatform() {
        return (Platform) request.getAttribute(Platform.REQUEST_ATTRIBUTE);
    }
}
