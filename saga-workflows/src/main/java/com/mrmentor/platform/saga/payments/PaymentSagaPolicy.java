package com.mrmentor.platform.saga.payments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The refund saga's view of {@code platform.payments.*}: how long the provider may take to report a refund's
 * outcome before finance is told it is overdue (Razorpay's normal refunds take 5–7 working days).
 */
@ConfigurationProperties("platform.payments")
public record PaymentSagaPolicy(@DefaultValue("P10D") Duration refundOverdueAfter) {
}
