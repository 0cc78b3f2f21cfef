package com.mrmentor.platform.runtime.web;

import com.mrmentor.platform.command.common.RequestScopedIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Makes a write request with an {@code Idempotency-Key} safe to retry. The first request with a key acts and its
 * response is stored; a retry with the same key and the same method, path and body gets that response again
 * (marked {@code Idempotency-Replayed: true}) without acting; the same key with a different request is a 409, as
 * is a retry while the first is still in flight. A 5xx, a timeout or a lost race is not kept: the claim is left
 * retriable, and the retry takes it over. The ids a keyed request creates derive from its claim, so a retry after
 * a first attempt that did commit addresses the same grant or hold and cannot act twice.
 * Keys are scoped to the authenticated caller. Runs after Spring Security (registered in {@code WebConfig}).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotency-Replayed";
    /** Request attribute: this answer says "try again", so it is not kept for replay (a lost race, a timeout). */
    static final String RETRIABLE = IdempotencyFilter.class.getName() + ".retriable";
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyStore store;
    private final ProblemWriter problems;

    public IdempotencyFilter(IdempotencyStore store, ProblemWriter problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Sign-in, refresh and code endpoints answer secrets (tokens) that must not be stored for replay, and a
        // replayed refresh would bypass reuse detection; they are safe to repeat or refuse a repeat by themselves.
        // The payment webhook is deduplicated by the provider's event id in the transaction of its command.
        return request.getHeader(HEADER) == null || !WRITE_METHODS.contains(request.getMethod())
                || request.getRequestURI().startsWith("/api/auth/")
                || request.getRequestURI().equals("/api/payments/webhook");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
            return;
        }
        Optional<String> principal = principal();
        if (principal.isEmpty()) {
            chain.doFilter(request, response); // security answers unauthenticated requests
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request);
        String fingerprint = fingerprint(request.getMethod(), request.getRequestURI(), cached.body());

        Optional<UUID> claim = store.claim(principal.get(), key, fingerprint);
        if (claim.isEmpty()) {
            claim = retryOfTheSameRequest(request, response, principal.get(), key, fingerprint);
            if (claim.isEmpty()) {
                return; // answered: replayed, refused or still in progress
            }
        }
        cached.setAttribute(RequestScopedIds.CLAIM_ATTRIBUTE, claim.get());
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(cached, recorded);
            if (recorded.getStatus() < 500 && cached.getAttribute(RETRIABLE) == null) {
                store.complete(principal.get(), key, recorded.getStatus(), recorded.getContentType(),
                        recorded.getHeader(HttpHeaders.LOCATION), recorded.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                store.leaveRetriable(principal.get(), key);
            }
            recorded.copyBodyToResponse();
        }
    }

    /**
     * A request under a key claimed before: replays a kept answer, refuses a different request or one still in
     * flight, or takes over a claim an earlier attempt left retriable (returning it, so the request acts again
     * with the same ids).
     */
    private Optional<UUID> retryOfTheSameRequest(HttpServletRequest request, HttpServletResponse response,
                                                 String principal, String key, String fingerprint)
            throws IOException {
        Optional<IdempotencyStore.Entry> entry = store.find(principal, key);
        if (entry.isPresent() && entry.get().fingerprint().equals(fingerprint) && !entry.get().completed()
                && store.takeOver(principal, key)) {
            return Optional.of(entry.get().claimId());
        }
        replayOrRefuse(request, response, entry, fingerprint);
        return Optional.empty();
    }

    private void replayOrRefuse(HttpServletRequest request, HttpServletResponse response,
                                Optional<IdempotencyStore.Entry> entry, String fingerprint) throws IOException {
        if (entry.isEmpty()) {
            problems.write(request, response, HttpStatus.CONFLICT, "idempotency-request-in-progress",
                    "A request with this Idempotency-Key just failed or is in progress; retry shortly");
        } else if (!entry.get().fingerprint().equals(fingerprint)) {
            problems.write(request, response, HttpStatus.CONFLICT, "idempotency-key-reused",
                    "This Idempotency-Key was used for a different request");
        } else if (!entry.get().completed()) {
            problems.write(request, response, HttpStatus.CONFLICT, "idempotency-request-in-progress",
                    "A request with this Idempotency-Key is still in progress; retry shortly");
        } else {
            IdempotencyStore.Entry first = entry.get();
            response.setStatus(first.status());
            response.setHeader(REPLAYED_HEADER, "true");
            if (first.contentType() != null) {
                response.setContentType(first.contentType());
            }
            if (first.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, first.location());
            }
            if (first.body() != null) {
                response.getOutputStream().write(first.body());
            }
        }
    }

    private static Optional<String> principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }

    private static String fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
