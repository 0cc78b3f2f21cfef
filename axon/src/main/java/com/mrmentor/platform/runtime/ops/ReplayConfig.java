package com.mrmentor.platform.runtime.ops;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * A reset of a replayable read model also empties its dead-letter queue, in the reset's transaction: the replay
 * delivers every parked event again (and parks it again if it still fails). Without this, the old letters would stay
 * and the replayed events of their sequences would be parked behind them a second time.
 *
 * <p>Axon keeps one invoker configuration per processing group, and the last one registered wins. Its Spring Boot
 * auto-configuration registers one for {@code dlq.cache.enabled}; this one replaced it, so the groups ran without
 * the sequence-identifier cache and asked PostgreSQL, for every event they handled, whether its sequence was parked
 * (a {@code COUNT(*)} on {@code dead_letter_entry}: four per wallet command, docs/performance.md). This
 * configuration therefore applies the group's cache settings as well.
 */
@Configuration(proxyBeanMethods = false)
class ReplayConfig {

    @Bean
    ConfigurerModule deadLettersClearedOnReset(@Value("${platform.dead-letters.groups}") List<String> groups,
                                               EventProcessorProperties processors) {
        return configurer -> groups.stream()
                .filter(group -> ReadModelCatalog.readModel(group).isPresent())
                .forEach(group -> configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(
                        group, (configuration, builder) -> withCacheSettings(builder.allowReset(true),
                                processors.getProcessors().get(group))));
    }

    static DeadLetteringEventHandlerInvoker.Builder withCacheSettings(
            DeadLetteringEventHandlerInvoker.Builder builder, EventProcessorProperties.ProcessorSettings settings) {
        if (settings != null && settings.getDlq().isEnabled() && settings.getDlq().getCache().isEnabled()) {
            builder.enableSequenceIdentifierCache().sequenceIdentifierCacheSize(settings.getDlq().getCache().getSize());
        }
        return builder;
    }
}
