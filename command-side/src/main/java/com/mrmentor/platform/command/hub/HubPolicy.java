package com.mrmentor.platform.command.hub;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;

/**
 * The hub's numbers.
 *
 * @param defaultMaxMentees a mentor's capacity until they set one
 * @param maxMentees        the highest capacity a mentor may set
 * @param defaultGroupSize  a group's size when none is given
 * @param maxGroupSize      the largest group
 * @param maxLogAge         how far back a session may be logged
 */
@ConfigurationProperties("platform.hub")
public record HubPolicy(@DefaultValue("5") int defaultMaxMentees,
                        @DefaultValue("100") int maxMentees,
                        @DefaultValue("5") int defaultGroupSize,
                        @DefaultValue("50") int maxGroupSize,
                        @DefaultValue("P365D") Period maxLogAge) {

    /** The defaults, for tests. */
    public static HubPolicy defaults() {
        return new HubPolicy(5, 100, 5, 50, Period.ofDays(365));
    }
}
