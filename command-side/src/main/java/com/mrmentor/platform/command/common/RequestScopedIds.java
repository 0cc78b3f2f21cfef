package com.mrmentor.platform.command.common;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids of things a request creates. A request with an {@code Idempotency-Key} carries the id of its claim on that
 * key (request attribute {@link #CLAIM_ATTRIBUTE}, set by the idempotency layer); the ids derive from it. A retry
 * whose first attempt timed out (and may still have committed) takes the same claim over, so it addresses the same
 * grant or hold and is refused as a duplicate rather than creating a second one. Without a key every request
 * creates new ids.
 */
public final class RequestScopedIds {

    /** Request attribute holding the {@link UUID} of the request's idempotency claim. */
    public static final String CLAIM_ATTRIBUTE = "com.mrmentor.platform.idempotency.claimId";

    private RequestScopedIds() {
    }

    /** The id of the {@code kind} (e.g. "grant") this request creates. */
    public static UUID of(String kind, UUID claimId) {
        if (claimId == null) {
            return UUID.randomUUID();
        }
        return UUID.nameUUIDFromBytes((kind + '\n' + claimId).getBytes(StandardCharsets.UTF_8));
    }
}
