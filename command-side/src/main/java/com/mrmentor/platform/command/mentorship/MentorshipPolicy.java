package com.mrmentor.platform.command.mentorship;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The mentorship context's numbers.
 *
 * @param sessionLength   length of a session
 * @param minNotice       a session starts at least this long after it is booked
 * @param maxAdvance      and at most this long after
 * @param maxPrice        highest price in tokens per session
 * @param maxBuffer       longest buffer a mentor may keep after each session
 */
@ConfigurationProperties("platform.mentorship")
public record MentorshipPolicy(@DefaultValue("PT30M") Duration sessionLength,
                               @DefaultValue("PT12H") Duration minNotice,
                               @DefaultValue("P30D") Duration maxAdvance,
                               @DefaultValue("100") int maxPrice,
                               @DefaultValue("PT60M") Duration maxBuffer) {

    /** The defaults, for tests. */
    public static MentorshipPolicy defaults() {
        return new MentorshipPolicy(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofDays(30), 100,
                Duration.ofMinutes(60));
    }
}
