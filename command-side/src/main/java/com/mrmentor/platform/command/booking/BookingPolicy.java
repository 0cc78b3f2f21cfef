package com.mrmentor.platform.command.booking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.Instant;

/**
 * The booking context's numbers ({@code platform.booking.*}).
 *
 * @param responseTimeout        a request the mentor has not answered within this long expires (never later than
 *                               the session's start)
 * @param freeCancellationNotice a student who cancels a confirmed session at least this long before its start gets
 *                               the tokens back; later, they are captured
 * @param rescheduleCutoff       either party may move a session until this long before its start
 * @param joinOpensBefore        a party may join this long before the start
 * @param noShowAfter            a party who has not joined this long after the start may be reported as a no-show
 * @param autoCompleteAfter      a confirmed session nobody completed is completed this long after its end
 * @param feedbackWindow         the student may rate a completed session within this long
 * @param holdMargin             the tokens stay held this long after the auto-completion time, so a late saga step
 *                               still finds them
 */
@ConfigurationProperties("platform.booking")
public record BookingPolicy(@DefaultValue("PT48H") Duration responseTimeout,
                            @DefaultValue("PT48H") Duration freeCancellationNotice,
                            @DefaultValue("PT1H") Duration rescheduleCutoff,
                            @DefaultValue("PT15M") Duration joinOpensBefore,
                            @DefaultValue("PT10M") Duration noShowAfter,
                            @DefaultValue("PT2H") Duration autoCompleteAfter,
                            @DefaultValue("P14D") Duration feedbackWindow,
                            @DefaultValue("P7D") Duration holdMargin) {

    /** The defaults, for tests. */
    public static BookingPolicy defaults() {
        return new BookingPolicy(Duration.ofHours(48), Duration.ofHours(48), Duration.ofHours(1),
                Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofHours(2), Duration.ofDays(14),
                Duration.ofDays(7));
    }

    /** When the mentor must have answered a request made at {@code requestedAt} for a session at {@code start}. */
    public Instant respondBy(Instant requestedAt, Instant start) {
        Instant timeout = requestedAt.plus(responseTimeout);
        return timeout.isBefore(start) ? timeout : start;
    }

    /** How long the tokens of a session ending at {@code end} stay held. */
    public Instant holdExpiry(Instant end) {
        return end.plus(autoCompleteAfter).plus(holdMargin);
    }
}
