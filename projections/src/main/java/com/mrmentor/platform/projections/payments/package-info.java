/** Read model of payment orders and their refunds, for buyers and for finance. */
package com.mrmentor.platform.projections.payments;
