package com.mrmentor.platform.runtime.web;

import com.mrmentor.platform.command.common.RequestPlatform;
import com.mrmentor.platform.shared.common.Platform;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the platform knows about the request it is serving before any controller runs.
 *
 * @param requestId the client's {@code X-Request-Id}, or one generated for it; also the correlation id
 * @param platform  the platform named by {@code X-Platform}, or the default one
 */
public record RequestContext(String requestId, Platform platform) {

    private static final String ATTRIBUTE = RequestContext.class.getName();

    /** The context of {@code request}; set by {@link CorrelationFilter} for every request. */
    public static RequestContext of(HttpServletRequest request) {
        Object context = request.getAttribute(ATTRIBUTE);
        if (context instanceof RequestContext requestContext) {
            return requestContext;
        }
        throw new IllegalStateException("CorrelationFilter did not run for " + request.getRequestURI());
    }

    /** Makes this the context of {@code request} (also for the command side, through {@link RequestPlatform}). */
    public void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
        request.setAttribute(RequestPlatform.ATTRIBUTE, platform);
    }
}
