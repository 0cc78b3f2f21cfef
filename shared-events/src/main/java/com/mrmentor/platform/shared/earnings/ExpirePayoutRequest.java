package com.mrmentor.platform.shared.earnings;

import java.util.UUID;

/** The payout saga's deadline: a payout still undecided after the approval timeout is rejected and returned. */
public record ExpirePayoutRequest(UUID payoutId) {
}
