package com.mrmentor.platform.shared.invoicing;

import java.util.UUID;

/** Issue the credit note or refund voucher of a processed refund. Idempotent per refund. */
public record DocumentRefund(UUID orderId, UUID refundId) {
}
