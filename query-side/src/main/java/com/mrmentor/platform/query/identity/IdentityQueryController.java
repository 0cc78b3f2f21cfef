package com.mrmentor.platform.query.identity;

import com.mrmentor.platform.query.audit.StoredEvent;
import com.mrmentor.platform.query.audit.StoredEventReader;
import com.mrmentor.platform.shared.common.Platform;
import com.mrmentor.platform.shared.identity.AccountPage;
import com.mrmentor.platform.shared.identity.AccountStatus;
import com.mrmentor.platform.shared.identity.AccountView;
import com.mrmentor.platform.shared.identity.FindAccount;
import com.mrmentor.platform.shared.identity.FindAccounts;
import com.mrmentor.platform.shared.identity.FindSessions;
import com.mrmentor.platform.shared.identity.IdentityIds;
import com.mrmentor.platform.shared.identity.Role;
import com.mrmentor.platform.shared.identity.SessionView;
import com.mrmentor.platform.shared.identity.SignInMethod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.UUID;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Reads of accounts: the caller's own ({@code /api/auth/me}) and, for ADMIN and AUDITOR, everyone's in the request's
 * platform. An account of another platform answers 404, as if it did not exist.
 */
@RestController
@Validated
@Tag(name = "Accounts: queries")
public class IdentityQueryController {

    private final QueryGateway queries;
    private final StoredEventReader storedEvents;

    public IdentityQueryController(QueryGateway queries, StoredEventReader storedEvents) {
        this.queries = queries;
        this.storedEvents = storedEvents;
    }

    @GetMapping("/api/auth/me")
    @Operation(summary = "Your own account (signed in)")
    public AccountView me(Authentication caller) {
        return find(UUID.fromString(caller.getName()));
    }

    @GetMapping("/api/admin/users")
    @Operation(summary = "Accounts of the request's platform, newest first; q matches e-mail or name (ADMIN, AUDITOR)")
    public AccountPage users(@RequestParam(required = false) @Size(max = 100) String q,
                             @RequestParam(required = false) Role role,
                             @RequestParam(required = false) AccountStatus status,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                             HttpServletRequest request) {
        return queries.query(new FindAccounts(platformOf(request), q, role, status, page, size),
                ResponseTypes.instanceOf(AccountPage.class)).join();
    }

    @GetMapping("/api/admin/users/{userId}")
    @Operation(summary = "One account (ADMIN, AUDITOR)")
    public AccountView user(@PathVariable UUID userId, HttpServletRequest request) {
        return inPlatform(find(userId), request);
    }

    @GetMapping("/api/admin/users/{userId}/sessions")
    @Operation(summary = "An account's sign-in sessions, newest first (ADMIN, AUDITOR)")
    public List<SessionView> sessions(@PathVariable UUID userId,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                                      HttpServletRequest request) {
        inPlatform(find(userId), request);
        return queries.query(new FindSessions(userId, null, null, page, size),
                ResponseTypes.multipleInstancesOf(SessionView.class)).join();
    }

    @GetMapping("/api/admin/break-glass-sessions")
    @Operation(summary = "Emergency (break-glass) sign-ins made through the request's platform, newest first "
            + "(ADMIN, AUDITOR)")
    public List<SessionView> breakGlass(@RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                                        HttpServletRequest request) {
        return queries.query(new FindSessions(null, SignInMethod.BREAK_GLASS, platformOf(request), page, size),
                ResponseTypes.multipleInstancesOf(SessionView.class)).join();
    }

    @GetMapping("/api/admin/users/{userId}/events")
    @Operation(summary = "The account's events, personal fields decrypted, or shown as [erased] after erasure "
            + "(ADMIN, AUDITOR)")
    public List<StoredEvent> events(@PathVariable UUID userId, HttpServletRequest request) {
        inPlatform(find(userId), request);
        return storedEvents.readableEventsOf(IdentityIds.account(userId));
    }

    private AccountView find(UUID userId) {
        AccountView account = queries.query(new FindAccount(userId), ResponseTypes.instanceOf(AccountView.class))
                .join();
        if (account == null) {
            throw new ResponseStatusException(NOT_FOUND, "No such account");
        }
        return account;
    }

    private static AccountView inPlatform(AccountView account, HttpServletRequest request) {
        if (!account.platforms().contains(platformOf(request))) {
            throw new ResponseStatusException(NOT_FOUND, "No such account");
        }
        return account;
    }

    private static Platform platformOf(HttpServletRequest request) {
        return (Platform) request.getAttribute(Platform.REQUEST_ATTRIBUTE);
    }
}
