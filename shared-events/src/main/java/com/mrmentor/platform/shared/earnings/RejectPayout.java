package com.mrmentor.platform.shared.earnings;

import java.util.UUID;

/** Finance rejects a payout not yet sent, with a reason; its money returns to available. */
public record RejectPayout(UUID payoutId, UUID rejectedBy, String reason) {
}
