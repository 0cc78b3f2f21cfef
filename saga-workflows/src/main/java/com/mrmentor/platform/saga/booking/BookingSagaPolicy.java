package com.mrmentor.platform.saga.booking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The saga's view of {@code platform.booking.*}: when a confirmed session nobody completed is completed. The
 * aggregate checks the same setting again when the deadline's command arrives.
 */
@ConfigurationProperties("platform.booking")
public record BookingSagaPolicy(@DefaultValue("PT2H") Duration autoCompleteAfter) {
}
