package com.mrmentor.platform.shared.payments;

import java.util.List;

/** One page of payment orders and how many match in all. */
public record PaymentOrderPage(List<PaymentOrderView> items, long total, int page, int size) {
}
