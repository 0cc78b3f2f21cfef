package com.mrmentor.platform.shared.payments;

import java.util.UUID;

/** One payment order, or null. */
public record FindPaymentOrder(UUID orderId) {
}
