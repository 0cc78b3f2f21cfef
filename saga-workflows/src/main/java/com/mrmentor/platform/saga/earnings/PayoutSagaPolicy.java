package com.mrmentor.platform.saga.earnings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** The payout saga's view of {@code platform.payouts.*}: how long finance has to decide a payout. */
@ConfigurationProperties("platform.payouts")
public record PayoutSagaPolicy(@DefaultValue("P7D") Duration approvalTimeout) {
}
