package com.mrmentor.platform.runtime.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How far each streaming event processor is behind the head of the event store, as gauges: in events
 * ({@code axon_processor_lag_events}) and in time ({@code axon_processor_lag_duration_seconds}: how long the oldest
 * event it has not handled yet has been waiting, 0 when caught up; it keeps growing while a processor is stuck). The
 * figures come from the token store, so every node reports every segment's position, not only its own; they are
 * computed at most every {@link #REFRESH} however often they are scraped. Per processing group only: no aggregate
 * or segment tags.
 */
@Component
class ProcessorLagGauges {

    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ProcessorLagGauges.class);

    private final ProjectionOperations operations;
    private final MeterRegistry registry;
    private Map<String, double[]> lags = Map.of();
    private long refreshedAt = System.nanoTime() - REFRESH.toNanos();

    ProcessorLagGauges(ProjectionOperations operations, MeterRegistry registry) {
        this.operations = operations;
        this.registry = registry;
    }

    /** Once the processors exist (their names are known only after Axon has started). */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        operations.all().stream().filter(ProcessorLagGauges::streaming).forEach(processor -> {
            String name = processor.name();
            Gauge.builder("axon.processor.lag", this, metrics -> metrics.lag(name)[0])
                    .baseUnit("events")
                    .tag("processor", name)
                    .description("Events the processor is behind the head of the event store (its furthest-behind "
                            + "segment)")
                    .strongReference(true)
                    .register(registry);
            Gauge.builder("axon.processor.lag.duration", this, metrics -> metrics.lag(name)[1])
                    .baseUnit("seconds")
                    .tag("processor", name)
                    .description("How long the oldest event the processor has not handled has been waiting; "
                            + "0 when caught up")
                    .strongReference(true)
                    .register(registry);
        });
    }

    private synchronized double[] lag(String processor) {
        if (System.nanoTime() - refreshedAt >= REFRESH.toNanos()) {
            refreshedAt = System.nanoTime();
            try {
                lags = measure();
            } catch (RuntimeException e) { // a scrape must not fail because the store is briefly unreachable
                log.warn("Could not measure event processor lag: {}", e.toString());
                lags = Map.of();
            }
        }
        return lags.getOrDefault(processor, new double[] {Double.NaN, Double.NaN});
    }

    private static boolean streaming(ProjectionOperations.ProcessorView processor) {
        return !"subscribing".equals(processor.mode());
    }

    private Map<String, double[]> measure() {
        Instant now = Instant.now();
        Map<String, double[]> measured = new HashMap<>();
        // a processor without tokens yet (it is starting) has no lag to report: NaN until it has
        operations.all().stream().filter(processor -> streaming(processor) && processor.lag() != null)
                .forEach(processor -> measured.put(processor.name(), new double[] {processor.lag(),
                        processor.lag() == 0 ? 0 : operations.oldestPending(processor.name())
                                .map(stored -> Math.max(0, Duration.between(stored, now).toMillis() / 1000.0))
                                .orElse(0.0)}));
        return measured;
    }
}
