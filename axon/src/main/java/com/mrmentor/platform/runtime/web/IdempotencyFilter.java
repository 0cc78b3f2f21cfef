package com.mrmentor.platform.runtime.web;

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

/**
 * Makes a write request with an {@code Idempotency-Key} safe to retry. The first request with a key acts and its
 * response is stored; a retry with the same key and the same method, path and body gets that response again
 * (marked {@code Idempotency-Replayed: true}) without acting; the same key with a different request is a 409, as
 * is a retry while the first is still in flight. A response of 5xx is not kept, so the client may retry it.
 * Keys are scoped to the authenticated caller. Runs after Spring Security (registered in {@code WebConfig}).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotency-Replayed";
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
        return request.getHeader(HEADER) == null || !WRITE_METHODS.contains(request.getMethod());
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

        if (!store.claim(principal.get(), key, fingerprint)) {
            replayOrRefuse(request, response, principal.get(), key, fingerprint);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(cached, recorded);
            if (recorded.getStatus() < 500) {
                store.complete(principal.get(), key, recorded.getStatus(), recorded.getContentType(),
                        recorded.getHeader(HttpHeaders.LOCATION), recorded.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                store.release(principal.get(), key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void replayOrRefuse(HttpServletRequest request, HttpServletResponse response, String principal,
                                String key, String fingerprint) throws IOException {
        Optional<IdempotencyStore.Entry> entry = store.find(principal, key);
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
