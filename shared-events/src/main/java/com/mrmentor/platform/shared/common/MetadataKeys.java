package com.mrmentor.platform.shared.common;

/** Names of the metadata entries every command carries, and that the events it causes carry into the store. */
public final class MetadataKeys {

    /** The id of the user who acted. */
    public static final String USER_ID = "userId";
    /** The roles the acting user held, comma separated. */
    public static final String ROLES = "roles";
    /** The platform the request came through ({@code mr-mentor}, {@code mas}, {@code mr-hire}). */
    public static final String PLATFORM = "platform";
    /** Ties together everything one client request caused. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message (or request) that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The id of the HTTP request that started the chain. */
    public static final String REQUEST_ID = "requestId";
    /** The client's IP address as the server saw it. */
    public static final String CLIENT_IP = "clientIp";
    /** The client's {@code Idempotency-Key} header, where it sent one. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    /** The {@link #USER_ID} of messages the platform sends by itself (deadlines, sagas). */
    public static final String SYSTEM_ACTOR = "system";

    private MetadataKeys() {
    }
}
