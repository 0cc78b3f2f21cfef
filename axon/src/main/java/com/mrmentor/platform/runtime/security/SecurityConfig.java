package com.mrmentor.platform.runtime.security;

import com.mrmentor.platform.shared.identity.Role;
import com.mrmentor.platform.runtime.web.IdempotencyFilter;
import com.mrmentor.platform.runtime.web.ProblemWriter;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.config.Customizer;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.List;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may call what. Every route the platform serves is listed here with its roles; a route not listed is denied
 * to everyone, so a new endpoint is closed until someone states who may use it. Ownership rules (a user reads only
 * their own wallet) are checked in the endpoint, where the resource is known.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String FINANCE = Role.FINANCE.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String MENTOR = Role.MENTOR.name();
    private static final String STUDENT = Role.STUDENT.name();
    private static final String SALES_HEAD = Role.SALES_HEAD.name();
    private static final String SALES_REP = Role.SALES_REP.name();
    /**
     * Writes open to every signed-in person acting for themselves (apply, book, buy, join…) need a role that acts:
     * any but AUDITOR, whose role only reads. Every account has a role, so this is "signed in" for everyone else.
     */
    private static final String[] ACTING = java.util.Arrays.stream(Role.values()).filter(r -> r != Role.AUDITOR)
            .map(Role::name).toArray(String[]::new);

    /** The API answers JSON only: nothing may be loaded or framed from its responses. */
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    /** Swagger UI needs its own scripts, styles (some inline) and data-URI images. */
    private static final String DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-ancestors 'none'";
    private static final RequestMatcher DOCS_PAGES = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccountAwareJwtConverter jwtAuthenticationConverter,
                            ProblemWriter problems, IdempotencyFilter idempotency, SecurityProperties properties)
            throws Exception {
        BearerTokenAuthenticationEntryPoint bearerChallenge = new BearerTokenAuthenticationEntryPoint();
        http
                .csrf(AbstractHttpConfigurer::disable) // stateless bearer tokens, no cookies
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .cors(cors -> cors.configurationSource(corsConfigurationSource(properties)))
                .headers(headers -> headers
                        .contentTypeOptions(Customizer.withDefaults())
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        // sent on every response: browsers ignore it over plain HTTP, and behind a TLS proxy the
                        // server may not know the original scheme
                        .httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                                .includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(DOCS_PAGES,
                                new StaticHeadersWriter("Content-Security-Policy", DOCS_CSP)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(DOCS_PAGES),
                                new StaticHeadersWriter("Content-Security-Policy", API_CSP))))
                .formLogin(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
                        .authenticationEntryPoint((request, response, failure) -> {
                            bearerChallenge.commence(request, response, failure); // WWW-Authenticate header
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "A valid bearer token is required");
                        }))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, failure) -> {
                            bearerChallenge.commence(request, response, failure);
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "A valid bearer token is required");
                        })
                        .accessDeniedHandler((request, response, denied) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "forbidden", "Your role may not do this")))
                .authorizeHttpRequests(routes -> routes
                        // the error page renders problems for requests already authorized or refused
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()

                        // public: signing up and in, and what proves a secret (code, refresh or invitation token)
                        .requestMatchers(POST, "/api/auth/signup", "/api/auth/verify", "/api/auth/verify/resend",
                                "/api/auth/login", "/api/auth/google", "/api/auth/break-glass", "/api/auth/refresh",
                                "/api/auth/password/forgot", "/api/auth/password/reset",
                                "/api/auth/invitations/accept").permitAll()
                        .requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()

                        // own account (the subject of the token is the account acted on)
                        .requestMatchers(GET, "/api/auth/me").authenticated()
                        .requestMatchers(POST, "/api/auth/logout", "/api/auth/profile", "/api/auth/password/change")
                        .authenticated()
                        .requestMatchers(POST, "/api/auth/totp/enrolment", "/api/auth/totp/enrolment/confirm")
                        .hasRole(ADMIN)

                        // account administration
                        .requestMatchers(POST, "/api/admin/invitations", "/api/admin/invitations/*/revoke",
                                "/api/admin/users/*/deactivate", "/api/admin/users/*/reactivate",
                                "/api/admin/users/*/erase").hasRole(ADMIN)
                        .requestMatchers(PUT, "/api/admin/users/*/roles", "/api/admin/users/*/platforms")
                        .hasRole(ADMIN)
                        .requestMatchers(GET, "/api/admin/users", "/api/admin/users/*", "/api/admin/users/*/sessions",
                                "/api/admin/users/*/events", "/api/admin/break-glass-sessions")
                        .hasAnyRole(ADMIN, AUDITOR)

                        // mentors (the mentor acted on is the caller, /me, or for ADMIN the path's user)
                        .requestMatchers(GET, "/api/mentors/applications").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/mentors/applications").hasAnyRole(ACTING)
                        .requestMatchers(POST, "/api/mentors/applications/*/approve", "/api/mentors/applications/*/reject",
                                "/api/mentors/*/suspend", "/api/mentors/*/reinstate").hasRole(ADMIN)
                        .requestMatchers(PUT, "/api/mentors/me/profile", "/api/mentors/me/availability",
                                "/api/mentors/me/availability/dates/*").hasRole(MENTOR)
                        .requestMatchers(DELETE, "/api/mentors/me/availability/dates/*").hasRole(MENTOR)
                        .requestMatchers(GET, "/api/mentors/*/reliability").authenticated()
                        // discovery (public): listed before the profile's /api/mentors/* so that the literal
                        // routes read as their own; MVC also prefers the literal /leaderboard to /{userId}
                        .requestMatchers(GET, "/api/mentors", "/api/mentors/leaderboard", "/api/mentors/*/reviews")
                        .permitAll()
                        .requestMatchers(GET, "/api/mentors/*", "/api/mentors/*/slots").permitAll()

                        // bookings (the booking checks that the caller is its student or mentor)
                        .requestMatchers(POST, "/api/bookings").hasRole(STUDENT)
                        .requestMatchers(POST, "/api/bookings/*/accept", "/api/bookings/*/decline",
                                "/api/bookings/*/complete", "/api/bookings/*/notes").hasRole(MENTOR)
                        .requestMatchers(POST, "/api/bookings/*/feedback").hasRole(STUDENT)
                        .requestMatchers(POST, "/api/bookings/*/cancel", "/api/bookings/*/reschedule",
                                "/api/bookings/*/join", "/api/bookings/*/no-show").hasAnyRole(ACTING)
                        .requestMatchers(GET, "/api/bookings", "/api/bookings/*", "/api/bookings/*/notes")
                        .authenticated()
                        .requestMatchers(GET, "/api/admin/bookings").hasAnyRole(ADMIN, AUDITOR)
                        .requestMatchers(GET, "/api/admin/dashboard").hasRole(ADMIN)
                        // mentor hub (Trà Đá): the acting user is the caller; ownership (own application, own
                        // pairing, the pairing's sides, group membership) is checked by the aggregates
                        .requestMatchers(GET, "/api/hub/admin/**").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/hub/admin/support-requests/*/resolve").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/hub/applications").hasAnyRole(ACTING)
                        .requestMatchers(POST, "/api/hub/applications/*/status").hasAnyRole(MENTOR, ADMIN)
                        .requestMatchers(GET, "/api/hub/applications/mine", "/api/hub/me/pairing", "/api/hub/me/logs")
                        .authenticated()
                        .requestMatchers(GET, "/api/hub/mentors/me/applications", "/api/hub/mentors/me/mentees")
                        .hasRole(MENTOR)
                        .requestMatchers(PUT, "/api/hub/mentors/me/capacity").hasRole(MENTOR)
                        .requestMatchers(POST, "/api/hub/pairings/*/end").hasAnyRole(ACTING)
                        .requestMatchers(PUT, "/api/hub/pairings/*/logs/*").hasAnyRole(ACTING)
                        .requestMatchers(POST, "/api/hub/groups").hasAnyRole(MENTOR, ADMIN)
                        .requestMatchers(POST, "/api/hub/groups/*/join", "/api/hub/groups/*/leave").hasAnyRole(ACTING)
                        .requestMatchers(GET, "/api/hub/groups", "/api/hub/groups/*").authenticated()

                        // finance (computed from the event store)
                        .requestMatchers(GET, "/api/finance/reconciliation", "/api/finance/reconciliation.csv")
                        .hasAnyRole(FINANCE, AUDITOR)
                        // figures as of an instant, folded from the event log
                        .requestMatchers(GET, "/api/audit/liabilities/tokens", "/api/audit/liabilities/payouts")
                        .hasAnyRole(ADMIN, AUDITOR, FINANCE)
                        .requestMatchers(GET, "/api/audit/sales-funnel").hasAnyRole(ADMIN, AUDITOR, SALES_HEAD)
                        // GST documents: finance's register, each buyer's own; the tax setting
                        .requestMatchers(GET, "/api/finance/invoices", "/api/finance/invoices/*",
                                "/api/finance/invoices/*/html").hasAnyRole(FINANCE, AUDITOR)
                        .requestMatchers(GET, "/api/finance/tax-settings").hasAnyRole(FINANCE, AUDITOR, ADMIN)
                        .requestMatchers(PUT, "/api/finance/tax-settings").hasRole(FINANCE)
                        .requestMatchers(GET, "/api/me/documents", "/api/me/documents/*", "/api/me/documents/*/html")
                        .authenticated()
                        // payments: the webhook is authenticated by its signature over the raw body, not by a token
                        .requestMatchers(POST, "/api/payments/webhook").permitAll()
                        .requestMatchers(GET, "/api/payments/packs").permitAll()
                        // the order's buyer is the caller; confirm checks that the order is theirs
                        .requestMatchers(POST, "/api/payments/orders", "/api/payments/orders/*/confirm")
                        .hasAnyRole(ACTING)
                        .requestMatchers(GET, "/api/payments/orders", "/api/payments/orders/*").authenticated()
                        // the simulator's routes exist only while the simulator is the provider
                        .requestMatchers(POST, "/api/payments/simulator/orders/*/pay").hasAnyRole(ACTING)
                        .requestMatchers(POST, "/api/payments/simulator/refunds/*/settle").hasAnyRole(FINANCE, ADMIN)
                        .requestMatchers(POST, "/api/payments/*/refunds").hasRole(FINANCE)
                        .requestMatchers(GET, "/api/admin/payments", "/api/admin/refunds")
                        .hasAnyRole(FINANCE, ADMIN, AUDITOR)

                        // earnings and payouts: the webhook is authenticated by its signature; a mentor's earnings are
                        // read by the mentor (the endpoint checks it is them), FINANCE, ADMIN and AUDITOR
                        .requestMatchers(POST, "/api/payouts/webhook").permitAll()
                        .requestMatchers(POST, "/api/payouts").hasRole(MENTOR)
                        .requestMatchers(POST, "/api/payouts/*/cancel").hasRole(MENTOR)
                        .requestMatchers(POST, "/api/payouts/*/approve", "/api/payouts/*/reject", "/api/payouts/*/send")
                        .hasRole(FINANCE)
                        .requestMatchers(POST, "/api/mentors/*/earnings/sessions/*/reversal").hasAnyRole(FINANCE, ADMIN)
                        .requestMatchers(GET, "/api/mentors/*/earnings", "/api/mentors/*/earnings/statement")
                        .authenticated()
                        .requestMatchers(GET, "/api/payouts/mine").hasRole(MENTOR)
                        .requestMatchers(GET, "/api/payouts/*").authenticated()
                        .requestMatchers(GET, "/api/admin/payouts", "/api/admin/payouts/batches")
                        .hasAnyRole(FINANCE, ADMIN, AUDITOR)
                        // sales CRM: a SALES_REP acts on and reads only their own leads (checked by the lead and the
                        // query endpoint); a SALES_REP's assignment is always a request for a sales head
                        .requestMatchers(POST, "/api/crm/web-forms").permitAll()
                        // vendors authenticate with their API key (X-Api-Key), checked by the endpoint: 401 without
                        .requestMatchers(POST, "/api/vendor/leads").permitAll()
                        .requestMatchers(GET, "/api/vendor/leads/*").permitAll()
                        .requestMatchers(POST, "/api/admin/vendor-keys", "/api/admin/vendor-keys/*/rotate",
                                "/api/admin/vendor-keys/*/revoke").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/admin/vendor-keys").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/crm/leads", "/api/crm/leads/*/status", "/api/crm/leads/*/activities",
                                "/api/crm/leads/*/follow-ups", "/api/crm/assignments")
                        .hasAnyRole(SALES_REP, SALES_HEAD, ADMIN)
                        .requestMatchers(PUT, "/api/crm/leads/*/temperature").hasAnyRole(SALES_REP, SALES_HEAD, ADMIN)
                        .requestMatchers(POST, "/api/crm/leads/*/convert").hasAnyRole(SALES_REP, SALES_HEAD, ADMIN)
                        .requestMatchers(PUT, "/api/crm/targets/*/*").hasAnyRole(SALES_HEAD, ADMIN)
                        .requestMatchers(POST, "/api/crm/leads/*/merge", "/api/crm/leads/*/merges/*/undo")
                        .hasAnyRole(SALES_HEAD, ADMIN)
                        .requestMatchers(GET, "/api/crm/targets").hasAnyRole(SALES_REP, SALES_HEAD, ADMIN)
                        .requestMatchers(POST, "/api/crm/assignments/*/approve", "/api/crm/assignments/*/reject",
                                "/api/crm/assignment/sweep").hasAnyRole(SALES_HEAD, ADMIN)
                        .requestMatchers(PUT, "/api/crm/assignment-rules", "/api/crm/reps/*").hasAnyRole(SALES_HEAD, ADMIN)
                        .requestMatchers(GET, "/api/crm/leads", "/api/crm/leads/*", "/api/crm/leads/*/timeline",
                                "/api/crm/assignments", "/api/crm/assignments/*").hasAnyRole(SALES_REP, SALES_HEAD, ADMIN)
                        .requestMatchers(POST, "/api/crm/imports").hasAnyRole(SALES_HEAD, ADMIN)
                        .requestMatchers(GET, "/api/crm/imports/*", "/api/crm/imports/*/errors.csv")
                        .hasAnyRole(SALES_HEAD, ADMIN)
                        .requestMatchers(GET, "/api/crm/reps/me/board").hasRole(SALES_REP)
                        .requestMatchers(GET, "/api/crm/reps/*/board", "/api/crm/dashboard", "/api/crm/assignment-rules")
                        .hasAnyRole(SALES_HEAD, ADMIN)

                        // audit: histories, states as of an instant, feed and export, correlations, chain checks
                        // (reads only; each one is recorded as an event)
                        .requestMatchers(GET, "/api/audit/aggregates", "/api/audit/aggregates/*/*/events",
                                "/api/audit/aggregates/*/*/state", "/api/audit/events", "/api/audit/correlations/*",
                                "/api/audit/verify").hasAnyRole(ADMIN, AUDITOR)

                        // operations
                        .requestMatchers(GET, "/actuator/**").hasRole(ADMIN)
                        // event processors, read-model replays and dead letters: AUDITOR reads, only ADMIN acts
                        .requestMatchers(GET, "/api/admin/projections", "/api/admin/projections/*",
                                "/api/admin/projections/*/checksum", "/api/admin/dead-letters",
                                "/api/admin/projection-operations").hasAnyRole(ADMIN, AUDITOR)
                        .requestMatchers(POST, "/api/admin/projections/*/replay",
                                "/api/admin/projections/*/segments/*/release", "/api/admin/dead-letters/*/retry",
                                "/api/admin/dead-letters/*/evict").hasRole(ADMIN)

                        // token ledger: commands
                        .requestMatchers(POST, "/api/tokens/grants").hasAnyRole(ADMIN, FINANCE)
                        .requestMatchers(POST, "/api/tokens/grants/*/approve", "/api/tokens/grants/*/reject")
                        .hasAnyRole(ADMIN, FINANCE)
                        .requestMatchers(POST, "/api/tokens/grants/*/revoke").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/tokens/holds", "/api/tokens/holds/*/capture",
                                "/api/tokens/holds/*/release").hasRole(ADMIN)

                        // token ledger: queries (the endpoint also checks ownership of the wallet)
                        .requestMatchers(GET, "/api/tokens/accounts/*", "/api/tokens/accounts/*/ledger",
                                "/api/tokens/accounts/*/history").authenticated()
                        .requestMatchers(GET, "/api/tokens/grants", "/api/tokens/grants/*")
                        .hasAnyRole(ADMIN, FINANCE, AUDITOR)

                        .anyRequest().denyAll())
                .addFilterAfter(new PlatformAccessFilter(problems), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(idempotency, AuthorizationFilter.class);
        return http.build();
    }

    /** Only the configured origins; credentials are bearer tokens in a header, so no cookies are allowed. */
    private static CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id",
                "X-Platform"));
        cors.setExposedHeaders(List.of("X-Request-Id", "Location", "Idempotency-Replayed", "Retry-After"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
