/**
 * Payments: token packs bought through a payment provider (orders, captures from the checkout callback or the
 * provider's webhook, expiry of unpaid orders) and refunds of a purchase's unspent tokens. Amounts are paise.
 */
package com.mrmentor.platform.shared.payments;
