/**
 * Earnings and payouts: the mentor's earnings ledger ({@link com.mrmentor.platform.command.earnings.MentorEarnings}),
 * payouts ({@link com.mrmentor.platform.command.earnings.Payout}) and the units of work that move money between them
 * ({@link com.mrmentor.platform.command.earnings.PayoutWorkflow}), the payout provider port and its webhook.
 */
package com.mrmentor.platform.command.earnings;
