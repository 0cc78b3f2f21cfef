package com.mrmentor.platform.runtime.security;

import com.mrmentor.platform.runtime.web.ProblemWriter;
import com.mrmentor.platform.runtime.web.RequestContext;
import com.mrmentor.platform.shared.common.Platform;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Comparator;

/**
 * A signed-in caller acts only in their own platforms: an {@code X-Platform} naming another one is a 403. Without
 * the header the request runs in the default platform, or, if the caller does not belong to it, in their first own
 * platform. Runs after authentication, before authorization.
 */
class PlatformAccessFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    PlatformAccessFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof AccountAwareJwtConverter.CallerAuthentication caller
                && !caller.platforms().isEmpty()) {
            RequestContext context = RequestContext.of(request);
            if (!caller.platforms().contains(context.platform())) {
                if (request.getHeader("X-Platform") != null) {
                    problems.write(request, response, HttpStatus.FORBIDDEN, "platform-not-allowed",
                            "Your account does not belong to platform " + context.platform().headerValue());
                    return;
                }
                Platform own = caller.platforms().stream().min(Comparator.naturalOrder()).orElseThrow();
                new RequestContext(context.requestId(), own).attachTo(request);
            }
        }
        chain.doFilter(request, response);
    }
}
