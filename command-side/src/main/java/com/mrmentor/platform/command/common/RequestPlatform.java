package com.mrmentor.platform.command.common;

import com.mrmentor.platform.shared.common.Platform;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The platform a request came through: resolved from {@code X-Platform} (or the default) by the runtime's first
 * filter, narrowed to one of the caller's platforms once the caller is known, and kept as a request attribute.
 */
public final class RequestPlatform {

    /** Request attribute holding the request's {@link Platform}. */
    public static final String ATTRIBUTE = Platform.REQUEST_ATTRIBUTE;

    private RequestPlatform() {
    }

    /** The platform of {@code request}. */
    public static Platform of(HttpServletRequest request) {
        Object platform = request.getAttribute(ATTRIBUTE);
        if (platform instanceof Platform known) {
            return known;
        }
        throw new IllegalStateException("No platform was resolved for " + request.getRequestURI());
    }
}
