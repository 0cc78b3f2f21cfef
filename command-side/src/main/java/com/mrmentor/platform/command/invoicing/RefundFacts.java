package com.mrmentor.platform.command.invoicing;

import java.util.UUID;

/**
 * A refund the provider paid back: the tokens it covered and its amount split as the refund request recorded it
 * (taxable value and GST).
 */
public record RefundFacts(UUID orderId, UUID userId, UUID grantId, UUID refundId, String providerRefundId,
                          long tokens, long taxableValue, long gst, String reason) {
}
