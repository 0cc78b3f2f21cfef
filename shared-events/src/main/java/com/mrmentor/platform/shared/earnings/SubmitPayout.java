package com.mrmentor.platform.shared.earnings;

import java.util.UUID;

/**
 * Hand an approved payout to the provider: by its batch (the saga's deadline, {@code submittedBy} null) or at once
 * by finance ({@code immediate}).
 */
public record SubmitPayout(UUID payoutId, UUID submittedBy, boolean immediate) {
}
