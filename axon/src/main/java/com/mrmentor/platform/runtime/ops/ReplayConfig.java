package com.mrmentor.platform.runtime.ops;

import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * A reset of a replayable read model also empties its dead-letter queue, in the reset's transaction: the replay
 * delivers every parked event again (and parks it again if it still fails). Without this, the old letters would stay
 * and the replayed events of their sequences would be parked behind them a second time.
 */
@Configuration(proxyBeanMethods = false)
class ReplayConfig {

    @Bean
    ConfigurerModule deadLettersClearedOnReset(@Value("${platform.dead-letters.groups}") List<String> groups) {
        return configurer -> groups.stream()
                .filter(group -> ReadModelCatalog.readModel(group).isPresent())
                .forEach(group -> configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(
                        group, (configuration, builder) -> builder.allowReset(true)));
    }
}
