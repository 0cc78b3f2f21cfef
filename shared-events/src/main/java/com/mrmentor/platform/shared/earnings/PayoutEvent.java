package com.mrmentor.platform.shared.earnings;

import java.util.UUID;

/** Every event of a payout; all name the payout first and its mentor. */
public sealed interface PayoutEvent
        permits PayoutRequested, PayoutApproved, PayoutRejected, PayoutCancelled, PayoutSubmitted,
        PayoutSubmissionDeferred, PayoutProcessed, PayoutFailed, PayoutReversed {

    /** The payout. */
    UUID payoutId();

    /** Its mentor. */
    UUID mentorId();
}
