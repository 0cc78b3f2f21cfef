package com.mrmentor.platform.shared.common;

import java.util.Arrays;
import java.util.Optional;

/** The brands served by one backend; a request names its platform in the {@code X-Platform} header. */
public enum Platform {
    MR_MENTOR("mr-mentor"),
    MAS("mas"),
    MR_HIRE("mr-hire");

    /**
     * Name of the HTTP request attribute holding the request's platform once resolved: from {@code X-Platform} (or
     * the default), then narrowed to one of the caller's own platforms.
     */
    public static final String REQUEST_ATTRIBUTE = "com.mrmentor.platform.request.platform";

    private final String headerValue;

    Platform(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The value as it appears in the {@code X-Platform} header and in metadata. */
    public String headerValue() {
        return headerValue;
    }

    /** The platform for a header value, or empty if the value names none. */
    public static Optional<Platform> fromHeader(String value) {
        return Arrays.stream(values()).filter(p -> p.headerValue.equals(value)).findFirst();
    }
}
