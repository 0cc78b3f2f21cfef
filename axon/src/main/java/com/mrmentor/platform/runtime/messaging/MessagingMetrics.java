package com.mrmentor.platform.runtime.messaging;

import com.mrmentor.platform.shared.common.BusinessError;
import com.mrmentor.platform.shared.common.RuleViolation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Timers for what operations watch besides the lag gauges ({@code ops.ProcessorLagGauges}) and the dead-letter gauge:
 * <ul>
 *   <li>{@code axon_commands_seconds{command,outcome}}: handling of each command on the node that runs its handler,
 *       from the handler's start to the end of its unit of work (the events stored and the transaction committed);
 *       outcome {@code success}, {@code rejected} (a business rule said no: an answer, not a fault) or
 *       {@code error};</li>
 *   <li>{@code axon_processor_latency_seconds{processor}}: for each event a processor handles live (not in a replay),
 *       how long after it was stored.</li>
 * </ul>
 * Tags are the command's type and the processing group, never an aggregate: a bounded number of series. Both carry
 * service-level buckets so that Prometheus can compute percentiles across nodes.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingMetrics {

    private static final Duration[] COMMAND_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500)};
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofMinutes(5)};

    /** Registered on the command bus (its local segment under Axon Server) by Axon's interceptor configuration. */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> commandTimer(MeterRegistry registry) {
        return (unitOfWork, chain) -> {
            long started = System.nanoTime();
            String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
            if (!unitOfWork.isRoot()) {
                // sent from an event handler or a saga: its unit of work ends with the outer one (a processor's whole
                // batch), so only the handler itself is timed; its events are stored with the batch
                try {
                    Object result = chain.proceed();
                    commandTimer(registry, command, "success").record(System.nanoTime() - started,
                            TimeUnit.NANOSECONDS);
                    return result;
                } catch (Exception failure) {
                    commandTimer(registry, command, outcome(failure)).record(System.nanoTime() - started,
                            TimeUnit.NANOSECONDS);
                    throw failure;
                }
            }
            unitOfWork.onCleanup(finished -> commandTimer(registry, command, outcome(finished))
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
            return chain.proceed();
        };
    }

    private static Timer commandTimer(MeterRegistry registry, String command, String outcome) {
        return Timer.builder("axon.commands")
                .description("Command handling, from the handler's start to the end of its unit of work")
                .tag("command", command)
                .tag("outcome", outcome)
                .serviceLevelObjectives(COMMAND_BUCKETS)
                .register(registry);
    }

    /** Every event processor, sagas' included, tagged with its name. */
    @Bean
    ConfigurerModule eventProcessorLatency(MeterRegistry registry) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((config, processor) -> {
            Timer latency = Timer.builder("axon.processor.latency")
                    .description("How long after it was stored a processor handled an event (live events only)")
                    .tag("processor", processor)
                    .serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(registry);
            return (MessageHandlerInterceptor<EventMessage<?>>) (unitOfWork, chain) -> {
                EventMessage<?> event = unitOfWork.getMessage();
                Duration waited = Duration.between(event.getTimestamp(), Instant.now());
                if (!ReplayToken.isReplay(event)) {
                    latency.record(waited.isNegative() ? Duration.ZERO : waited); // another node's clock ahead
                }
                return chain.proceed();
            };
        });
    }

    private static String outcome(UnitOfWork<?> finished) {
        if (finished.getExecutionResult() == null || !finished.getExecutionResult().isExceptionResult()) {
            return finished.isRolledBack() ? "error" : "success";
        }
        return outcome(finished.getExecutionResult().getExceptionResult());
    }

    private static String outcome(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // thrown by the handler, or as RuleViolationTransport sends it on (depending on the interceptors' order)
            if (cause instanceof RuleViolation || cause instanceof HandlerExecutionException transported
                    && transported.getDetails().filter(BusinessError.class::isInstance).isPresent()) {
                return "rejected";
            }
        }
        return "error";
    }
}
