package com.mrmentor.platform.shared.invoicing;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The provider paid back refund {@code refundId} of {@code tokens} of the voucher: {@code value} as the refund
 * recorded it, documented by a credit note (taxed at purchase) or a refund voucher (taxed at redemption).
 */
@Revision("1")
public record PurchaseVoucherRefunded(UUID grantId, UUID orderId, UUID userId, UUID refundId, long tokens,
                                      TaxAmounts value, UUID documentId, Instant refundedAt) {
}
