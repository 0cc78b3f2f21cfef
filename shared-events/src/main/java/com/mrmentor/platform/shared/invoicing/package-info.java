/**
 * GST documents: the receipt issued when tokens (vouchers) are bought, the tax invoice issued when they are redeemed
 * for a session (or at purchase, when finance sets the point of taxation there), credit notes and refund vouchers
 * when a purchase is refunded, and the gap-free number series they are numbered from. Amounts are paise.
 */
package com.mrmentor.platform.shared.invoicing;
