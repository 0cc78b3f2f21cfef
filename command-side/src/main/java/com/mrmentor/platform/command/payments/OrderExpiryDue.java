package com.mrmentor.platform.command.payments;

import java.util.UUID;

/** Payload of the deadline that expires an unpaid order. */
public record OrderExpiryDue(UUID orderId) {
}
