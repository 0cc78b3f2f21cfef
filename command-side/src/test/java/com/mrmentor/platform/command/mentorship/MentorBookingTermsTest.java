package com.mrmentor.platform.command.mentorship;

import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.mentorship.DateAvailabilityCleared;
import com.mrmentor.platform.shared.mentorship.DateAvailabilitySet;
import com.mrmentor.platform.shared.mentorship.MentorApplicationApproved;
import com.mrmentor.platform.shared.mentorship.MentorApplicationSubmitted;
import com.mrmentor.platform.shared.mentorship.MentorProfileUpdated;
import com.mrmentor.platform.shared.mentorship.MentorReinstated;
import com.mrmentor.platform.shared.mentorship.MentorSuspended;
import com.mrmentor.platform.shared.mentorship.TimeWindow;
import com.mrmentor.platform.shared.mentorship.WeeklyAvailabilitySet;
import com.mrmentor.platform.shared.mentorship.WeeklyWindow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Mentor#bookingTerms}: what the booking workflow asks the mentor when a session is requested or moved. The
 * mentor is rebuilt from its events by hand (the method is a query of the aggregate, not a command).
 */
class MentorBookingTermsTest {

    /** A Tuesday; Berlin is at UTC+1 until the end of March. */
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
    private static final UUID APPLICATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final String ZONE = "Europe/Berlin";
    private static final int BUFFER = 10;

    /** Monday 16 March 2026 in Berlin: 09:00–11:00 offers 09:00, 09:40 and 10:20 (30 minutes + 10 of buffer). */
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 16);
    private static final Instant MONDAY_0900 = Instant.parse("2026-03-16T08:00:00Z");
    private static final Instant MONDAY_0940 = Instant.parse("2026-03-16T08:40:00Z");
    private static final Instant MONDAY_1020 = Instant.parse("2026-03-16T09:20:00Z");

    private final MentorshipPolicy policy = MentorshipPolicy.defaults();
    private Mentor mentor;

    @BeforeEach
    void setUp() {
        mentor = new Mentor();
        mentor.on(new MentorApplicationSubmitted(USER, APPLICATION, "Headline", "Bio", List.of("Java"), null, null,
                                                 List.of("English"), ZONE, 5, NOW.minus(Duration.ofDays(3))));
        mentor.on(new MentorApplicationApproved(USER, APPLICATION, ADMIN, NOW.minus(Duration.ofDays(2))));
        mentor.on(new WeeklyAvailabilitySet(USER, List.of(weekly(DayOfWeek.MONDAY, "09:00", "11:00")), BUFFER));
    }

    @Test
    void anOfferedStartGivesTheTermsOfTheSession() {
        assertThat(mentor.bookingTerms(MONDAY_0940, NOW, policy))
                .isEqualTo(new BookingTerms(USER, MONDAY_0940, MONDAY_0940.plus(Duration.ofMinutes(30)), 5, ZONE,
                                            BUFFER));
        assertThat(mentor.bookingTerms(MONDAY_0900, NOW, policy).start()).isEqualTo(MONDAY_0900);
        assertThat(mentor.bookingTerms(MONDAY_1020, NOW, policy).end())
                .isEqualTo(MONDAY_1020.plus(Duration.ofMinutes(30)));
    }

    @Test
    void theTermsFollowTheCurrentProfile() {
        mentor.on(new MentorProfileUpdated(USER, "Headline", "Bio", List.of("Java"), null, null, List.of("English"),
                                           ZONE, 12));
        assertThat(mentor.bookingTerms(MONDAY_0900, NOW, policy).pricePerSession()).isEqualTo(12);
    }

    @Test
    void aStartBetweenTheSlotsIsNotOffered() {
        expectViolation(() -> mentor.bookingTerms(MONDAY_0900.plus(Duration.ofMinutes(10)), NOW, policy),
                        "slot-unavailable");
        // the buffer is not a slot of its own
        expectViolation(() -> mentor.bookingTerms(MONDAY_0900.plus(Duration.ofMinutes(30)), NOW, policy),
                        "slot-unavailable");
    }

    @Test
    void aStartOnADayWithoutWindowsIsNotOffered() {
        expectViolation(() -> mentor.bookingTerms(MONDAY_0900.plus(Duration.ofDays(1)), NOW, policy),
                        "slot-unavailable");
    }

    @Test
    void aDateOverrideReplacesTheWeeklyWindowsUntilItIsCleared() {
        mentor.on(new DateAvailabilitySet(USER, MONDAY, List.of(window("14:00", "15:00"))));
        expectViolation(() -> mentor.bookingTerms(MONDAY_0900, NOW, policy), "slot-unavailable");
        Instant afternoon = Instant.parse("2026-03-16T13:00:00Z");
        assertThat(mentor.bookingTerms(afternoon, NOW, policy).start()).isEqualTo(afternoon);

        mentor.on(new DateAvailabilityCleared(USER, MONDAY));
        assertThat(mentor.bookingTerms(MONDAY_0900, NOW, policy).start()).isEqualTo(MONDAY_0900);
        expectViolation(() -> mentor.bookingTerms(afternoon, NOW, policy), "slot-unavailable");
    }

    @Test
    void aStartNeedsTwelveHoursNotice() {
        assertThat(mentor.bookingTerms(MONDAY_0900, MONDAY_0900.minus(Duration.ofHours(12)), policy).start())
                .isEqualTo(MONDAY_0900);
        expectViolation(() -> mentor.bookingTerms(MONDAY_0900, MONDAY_0900.minus(Duration.ofHours(12)).plusSeconds(1),
                                                  policy), "invalid-start");
    }

    @Test
    void aStartInThePastIsRefused() {
        expectViolation(() -> mentor.bookingTerms(MONDAY_0900, MONDAY_0900.plusSeconds(1), policy), "invalid-start");
    }

    @Test
    void aStartAtMostThirtyDaysAheadIsOffered() {
        assertThat(mentor.bookingTerms(MONDAY_0900, MONDAY_0900.minus(Duration.ofDays(30)), policy).start())
                .isEqualTo(MONDAY_0900);
        expectViolation(() -> mentor.bookingTerms(MONDAY_0900, MONDAY_0900.minus(Duration.ofDays(30)).minusSeconds(1),
                                                  policy), "invalid-start");
    }

    @Test
    void aStartIsRequired() {
        expectViolation(() -> mentor.bookingTerms(null, NOW, policy), "missing-start");
    }

    @Test
    void aSuspendedMentorOffersNothingUntilReinstated() {
        mentor.on(new MentorSuspended(USER, "review", ADMIN));
        expectViolation(() -> mentor.bookingTerms(MONDAY_0900, NOW, policy), "mentor-not-active");
        mentor.on(new MentorReinstated(USER, "review done", ADMIN));
        assertThat(mentor.bookingTerms(MONDAY_0900, NOW, policy).start()).isEqualTo(MONDAY_0900);
    }

    @Test
    void anApplicantOffersNothing() {
        Mentor applicant = new Mentor();
        applicant.on(new MentorApplicationSubmitted(USER, APPLICATION, "Headline", "Bio", List.of("Java"), null, null,
                                                    List.of("English"), ZONE, 5, NOW));
        expectViolation(() -> applicant.bookingTerms(MONDAY_0900, NOW, policy), "mentor-not-active");
    }

    @Test
    void aUserWhoNeverAppliedIsNotAMentor() {
        expectViolation(() -> new Mentor().bookingTerms(MONDAY_0900, NOW, policy), "not-a-mentor");
    }

    private static void expectViolation(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RuleViolation.class,
                                                              v -> assertThat(v.code()).isEqualTo(code));
    }

    private static WeeklyWindow weekly(DayOfWeek day, String start, String end) {
        return new WeeklyWindow(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static TimeWindow window(String start, String end) {
        return new TimeWindow(LocalTime.parse(start), LocalTime.parse(end));
    }
}
