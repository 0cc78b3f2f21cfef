package com.mrmentor.platform.runtime.messaging;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How fast a node takes over the segments of a node that died (docs/adr/0012). Axon's tracking processors look for
 * unclaimed segments every {@code token-claim-interval}, a per-processor property (5 s unless set); this applies
 * {@code platform.event-processing.token-claim-interval} to every tracking processor that does not set its own (and
 * to the ones not configured at all: the sagas'), so that one number governs the cluster. It works with {@code axon.eventhandling.tokenstore.claim-timeout}: a dead
 * node's segment becomes free a claim timeout after its last claim refresh and is taken at the next look.
 * <p>
 * Axon binds the processor settings into {@link EventProcessorProperties} and reads them once, when it registers the
 * processors; this post-processor changes the bound settings before that.
 */
@Configuration(proxyBeanMethods = false)
public class SegmentClaimTiming {

    /** Axon's own default interval: a processor left at it takes the platform's. */
    static final long AXON_DEFAULT_INTERVAL_MS = 5000;

    @Bean
    static BeanPostProcessor tokenClaimIntervalOfTrackingProcessors(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof EventProcessorProperties properties) {
                    String configured = environment.getProperty("platform.event-processing.token-claim-interval");
                    if (configured != null && !configured.isBlank()) {
                        apply(properties, DurationStyle.detectAndParse(configured.strip()));
                    }
                }
                return bean;
            }
        };
    }

    /** The processors without settings of their own (the sagas') use Axon's default configuration: one thread. */
    @Bean
    ConfigurerModule tokenClaimIntervalOfUnconfiguredProcessors(
            @Value("${platform.event-processing.token-claim-interval:PT5S}") Duration interval) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andTokenClaimInterval(interval.toMillis(), TimeUnit.MILLISECONDS));
    }

    static void apply(EventProcessorProperties properties, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("platform.event-processing.token-claim-interval must be positive");
        }
        properties.getProcessors().values().stream()
                .filter(settings -> settings.getMode() == EventProcessorProperties.Mode.TRACKING)
                .filter(settings -> settings.getTokenClaimIntervalTimeUnit().toMillis(
                        settings.getTokenClaimInterval()) == AXON_DEFAULT_INTERVAL_MS)
                .forEach(settings -> {
                    settings.setTokenClaimInterval(interval.toMillis());
                    settings.setTokenClaimIntervalTimeUnit(TimeUnit.MILLISECONDS);
                });
    }
}
