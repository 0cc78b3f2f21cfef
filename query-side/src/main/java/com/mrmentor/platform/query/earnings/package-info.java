/** Reads of earnings and payouts: a mentor's balances and statement, finance's payout queue, timelines and batches. */
package com.mrmentor.platform.query.earnings;
