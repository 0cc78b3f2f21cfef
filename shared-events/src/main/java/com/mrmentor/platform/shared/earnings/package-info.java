/**
 * Earnings and payouts: a mentor's earnings ledger (session earnings net of commission and TDS, pending through a
 * hold period, then available; reversals; money reserved for, paid by and returned from payouts) and the payouts
 * themselves (request, four-eyes decision, batch or immediate send through a payout provider, the provider's
 * outcome). Amounts are paise, valued before GST.
 */
package com.mrmentor.platform.shared.earnings;
