package com.mrmentor.platform.runtime.security;

import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An AUDITOR reads and changes nothing: every POST, PUT, PATCH and DELETE route the application serves (from Spring
 * MVC's own handler mappings, so a new route is covered the day it is added) refuses an account whose only role is
 * AUDITOR in the route table itself (403 "Your role may not do this", before any handler runs), except the routes
 * below, which anyone may call for their own session or account, or which do not take a bearer token at all. And the
 * auditor's attempts leave no event in the store.
 */
class AuditorChangesNothingIT extends IntegrationTest {

    /** Writes an AUDITOR may call like anyone else, each with the reason. */
    private static final Map<String, String> OPEN_TO_EVERYONE = Map.ofEntries(
            entry("POST /api/auth/signup", "public: creating an account, before anyone is signed in"),
            entry("POST /api/auth/verify", "public: proving one's e-mail with the code sent to it"),
            entry("POST /api/auth/verify/resend", "public: asking for another code"),
            entry("POST /api/auth/login", "public: signing in"),
            entry("POST /api/auth/google", "public: signing in with Google"),
            entry("POST /api/auth/break-glass", "public: an administrator's emergency sign-in"),
            entry("POST /api/auth/refresh", "the caller's own session: rotating its refresh token"),
            entry("POST /api/auth/password/forgot", "public: asking for a reset code"),
            entry("POST /api/auth/password/reset", "public: resetting one's password with the code"),
            entry("POST /api/auth/invitations/accept", "public: accepting an invitation with its token"),
            entry("POST /api/auth/logout", "the caller's own session: signing out"),
            entry("POST /api/auth/profile", "the caller's own account: name and profile"),
            entry("POST /api/auth/password/change", "the caller's own account: changing one's password"),
            entry("POST /api/payments/webhook", "the payment provider, authenticated by its signature, not a token"),
            entry("POST /api/payouts/webhook", "the payout provider, authenticated by its signature, not a token"),
            entry("POST /api/crm/web-forms", "the public website form (no token; rate-limited per address)"),
            entry("POST /api/vendor/leads", "lead vendors, authenticated by their API key, not a token"));

    private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAuditorIsRefusedEveryWriteButTheirOwnSessionsAndThePublicRoutesAndCausesNoEvent() {
        IdentityApi.Account account = identity().newAccountByInvitation(admin(), "read-only-auditor", "AUDITOR");
        String auditor = identity().login(account.email(), account.password()).accessToken();
        long eventsBefore = eventsCausedBy(account.userId());

        Set<String> writes = new TreeSet<>();
        List<String> notRefused = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty() ? WRITES
                    : info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods) {
                    if (!WRITES.contains(method)) {
                        continue;
                    }
                    String route = method + " " + pattern;
                    writes.add(route);
                    if (OPEN_TO_EVERYONE.containsKey(route)) {
                        continue;
                    }
                    String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    ApiClient.Response response = api().send(method.name(), path, auditor, "{}", Map.of());
                    boolean refusedByRole = response.status() == 403
                            && "/problems/forbidden".equals(response.problemType())
                            && "Your role may not do this".equals(response.body().path("detail").asText());
                    if (!refusedByRole) {
                        notRefused.add(route + " -> " + response.status() + " " + response.problemType());
                    }
                }
            }
        }

        assertThat(writes).as("the application's write routes").hasSizeGreaterThan(60);
        assertThat(writes).as("every listed exception is a real route").containsAll(OPEN_TO_EVERYONE.keySet());
        assertThat(notRefused).as("write routes an AUDITOR was not refused").isEmpty();
        assertThat(eventsCausedBy(account.userId())).as("events caused by the auditor").isEqualTo(eventsBefore);
        // the session was not touched by any of it: the auditor still reads
        assertThat(api().get("/api/finance/reconciliation?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z",
                auditor).status()).isEqualTo(200);
    }

    /** Events whose metadata names {@code userId} as the acting user. */
    private long eventsCausedBy(UUID userId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry "
                + "WHERE convert_from(meta_data, 'UTF8') LIKE ?", Long.class, "%\"userId\":\"" + userId + "\"%");
        return count == null ? 0 : count;
    }
}
