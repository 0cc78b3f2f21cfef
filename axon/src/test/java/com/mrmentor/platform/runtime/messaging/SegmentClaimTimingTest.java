package com.mrmentor.platform.runtime.messaging;

import org.axonframework.springboot.EventProcessorProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The platform's token-claim interval reaches the tracking processors that did not choose their own. */
class SegmentClaimTimingTest {

    @Test
    void trackingProcessorsAtAxonsDefaultTakeThePlatformsIntervalAndOthersKeepTheirs() {
        EventProcessorProperties properties = new EventProcessorProperties();
        EventProcessorProperties.ProcessorSettings ledger = settings(properties, "token-ledger",
                EventProcessorProperties.Mode.TRACKING);
        EventProcessorProperties.ProcessorSettings own = settings(properties, "own-interval",
                EventProcessorProperties.Mode.TRACKING);
        own.setTokenClaimInterval(3);
        own.setTokenClaimIntervalTimeUnit(TimeUnit.SECONDS);
        EventProcessorProperties.ProcessorSettings directory = settings(properties, "identity-directory",
                EventProcessorProperties.Mode.SUBSCRIBING);

        SegmentClaimTiming.apply(properties, Duration.ofSeconds(2));

        assertThat(TimeUnit.MILLISECONDS.convert(ledger.getTokenClaimInterval(), ledger.getTokenClaimIntervalTimeUnit()))
                .isEqualTo(2000);
        assertThat(own.getTokenClaimIntervalTimeUnit().toMillis(own.getTokenClaimInterval())).isEqualTo(3000);
        assertThat(directory.getTokenClaimIntervalTimeUnit().toMillis(directory.getTokenClaimInterval()))
                .isEqualTo(SegmentClaimTiming.AXON_DEFAULT_INTERVAL_MS);
    }

    @Test
    void aZeroIntervalIsRefused() {
        assertThatThrownBy(() -> SegmentClaimTiming.apply(new EventProcessorProperties(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static EventProcessorProperties.ProcessorSettings settings(EventProcessorProperties properties,
                                                                       String name,
                                                                       EventProcessorProperties.Mode mode) {
        EventProcessorProperties.ProcessorSettings settings = new EventProcessorProperties.ProcessorSettings();
        settings.setMode(mode);
        properties.getProcessors().put(name, settings);
        return settings;
    }
}
