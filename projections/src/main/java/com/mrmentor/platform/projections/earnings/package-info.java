/** Read models of earnings (balances, statement lines) and payouts (queue, timelines, batch totals). */
package com.mrmentor.platform.projections.earnings;
