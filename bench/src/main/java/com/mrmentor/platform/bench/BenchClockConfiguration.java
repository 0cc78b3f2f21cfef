package com.mrmentor.platform.bench;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;

/** Loaded only into a benchmarked server (see {@link BenchClock}): the platform reads time from the bench clock. */
@AutoConfiguration
public class BenchClockConfiguration {

    @Bean
    @Primary
    Clock benchClock() {
        return BenchClock.utc();
    }
}
