package com.mrmentor.platform.runtime.axonserver;

import java.time.Duration;

/** The application was started to use Axon Server and could not connect to it in time. */
public class AxonServerUnreachableException extends IllegalStateException {

    private final String servers;
    private final String context;

    AxonServerUnreachableException(String servers, String context, boolean tls, boolean token, Duration waited,
                                   Throwable cause) {
        super("No connection to Axon Server at " + servers + " (context '" + context + "', TLS "
                + (tls ? "on" : "off") + ", access token " + (token ? "set" : "not set") + ") within "
                + waited.toSeconds() + " s" + (cause == null ? "" : ": " + cause.getMessage()), cause);
        this.servers = servers;
        this.context = context;
    }

    /** The servers tried, as configured ({@code axon.axonserver.servers}, {@code AXON_SERVERS}). */
    public String servers() {
        return servers;
    }

    /** The context asked for ({@code axon.axonserver.context}, {@code AXON_CONTEXT}). */
    public String context() {
        return context;
    }
}
