package com.mrmentor.platform.shared.payments;

import java.util.UUID;

/**
 * Payment orders, newest first.
 *
 * @param userId       only this buyer's, or null for all
 * @param status       only orders in this status, or null
 * @param withRefund   only orders with a refund
 * @param refundStatus only refunds in this status (implies {@code withRefund}), or null
 */
public record FindPaymentOrders(UUID userId, PaymentOrderStatus status, boolean withRefund,
                                RefundStatus refundStatus, int page, int size) {
}
