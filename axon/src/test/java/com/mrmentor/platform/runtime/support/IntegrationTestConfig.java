package com.mrmentor.platform.runtime.support;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Every test run starts from an empty schema: Flyway drops what an earlier run left, then migrates. */
@TestConfiguration(proxyBeanMethods = false)
public class IntegrationTestConfig {

    /** Replaces the system clock for everything that reads the platform's clock (see {@link TestClock}). */
    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
        return (Flyway flyway) -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
