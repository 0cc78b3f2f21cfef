/**
 * Payments: token packs priced by the server, payment orders with a provider (Razorpay, or the local simulator),
 * captures from the checkout callback and the signed webhook, and refunds of a purchase's unspent tokens.
 */
package com.mrmentor.platform.command.payments;
