/** Reads of payment orders: a buyer's own, and finance's lists of payments and refunds. */
package com.mrmentor.platform.query.payments;
