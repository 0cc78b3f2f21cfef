package com.mrmentor.platform.shared.earnings;

import java.util.List;

/** One page of payouts (timelines left out). */
public record PayoutPage(List<PayoutView> items, int page, int size, long total) {
}
