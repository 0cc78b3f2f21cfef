package com.mrmentor.platform.shared.invoicing;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code tokens} of the voucher were spent by hold {@code holdId} ({@code reference}, e.g. a booking); their share
 * of the voucher's value was invoiced as {@code invoiceId}. Only vouchers taxed at redemption record this.
 */
@Revision("1")
public record PurchaseVoucherRedeemed(UUID grantId, UUID orderId, UUID userId, UUID holdId, String reference,
                                      long tokens, TaxAmounts value, UUID invoiceId, Instant redeemedAt) {
}
