package com.mrmentor.platform.runtime.web;

import com.mrmentor.platform.shared.common.Platform;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Runs first on every request: takes the request id from {@code X-Request-Id} (or makes one), echoes it back, puts
 * it in the logging context as {@code correlationId}, and resolves {@code X-Platform} (an unknown value is a 400).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class CorrelationFilter extends OncePerRequestFilter {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String PLATFORM_HEADER = "X-Platform";
    /** A client's request id is echoed into logs and headers, so only harmless characters are taken. */
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Platform defaultPlatform;
    private final ProblemWriter problems;

    public CorrelationFilter(@Value("${platform.default-platform:mr-mentor}") String defaultPlatform,
                                ProblemWriter problems) {
        this.defaultPlatform = Platform.fromHeader(defaultPlatform).orElseThrow(
                () -> new IllegalArgumentException("platform.default-platform is not a platform: " + defaultPlatform));
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = Optional.ofNullable(request.getHeader(REQUEST_ID_HEADER))
                .filter(id -> SAFE_REQUEST_ID.matcher(id).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
        response.setHeader(REQUEST_ID_HEADER, requestId);
        MDC.put("correlationId", requestId);
        try {
            String platformHeader = request.getHeader(PLATFORM_HEADER);
            Optional<Platform> platform = platformHeader == null
                    ? Optional.of(defaultPlatform) : Platform.fromHeader(platformHeader);
            if (platform.isEmpty()) {
                problems.write(request, response, HttpStatus.BAD_REQUEST, "unknown-platform",
                        "X-Platform must be one of mr-mentor, mas, mr-hire; was '" + platformHeader + "'");
                return;
            }
            new RequestContext(requestId, platform.get()).attachTo(request);
            chain.doFilter(request, response);
        } finally {
            MDC.remove("correlationId");
        }
    }
}
