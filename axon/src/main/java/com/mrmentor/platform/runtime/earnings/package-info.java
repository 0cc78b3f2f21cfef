/**
 * Earnings and payouts in the runtime: the payout provider (RazorpayX or the local simulator) and the e-mail telling a
 * mentor that their payout destination changed.
 */
package com.mrmentor.platform.runtime.earnings;
