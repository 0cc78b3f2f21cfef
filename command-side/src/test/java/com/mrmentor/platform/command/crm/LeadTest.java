package com.mrmentor.platform.command.crm;

import com.mrmentor.platform.command.common.MutableClock;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;
import com.mrmentor.platform.shared.crm.ActivityType;
import com.mrmentor.platform.shared.crm.AssignmentStrategy;
import com.mrmentor.platform.shared.crm.ChangeLeadStatus;
import com.mrmentor.platform.shared.crm.FollowUpCompleted;
import com.mrmentor.platform.shared.crm.FollowUpOverdue;
import com.mrmentor.platform.shared.crm.FollowUpScheduled;
import com.mrmentor.platform.shared.crm.LeadActivityLogged;
import com.mrmentor.platform.shared.crm.LeadAssigned;
import com.mrmentor.platform.shared.crm.LeadCaptured;
import com.mrmentor.platform.shared.crm.LeadSource;
import com.mrmentor.platform.shared.crm.LeadStatus;
import com.mrmentor.platform.shared.crm.LeadStatusChanged;
import com.mrmentor.platform.shared.crm.LeadTemperatureChanged;
import com.mrmentor.platform.shared.crm.LogLeadActivity;
import com.mrmentor.platform.shared.crm.ScheduleFollowUp;
import com.mrmentor.platform.shared.crm.SetLeadTemperature;
import com.mrmentor.platform.shared.crm.Temperature;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.mrmentor.platform.command.crm.Violations.violation;

/** The lead's rules, given/when/then: ownership, the pipeline, the temperature rule and follow-ups. */
class LeadTest {

    private static final Instant NOW = Instant.parse("2026-03-10T04:30:00Z");
    private static final UUID LEAD = UUID.fromString("00000000-0000-0000-0000-00000000001e");
    private static final UUID REP = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER_REP = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    private static final UUID HEAD = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
    private static final UUID ACTIVITY = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID FOLLOW_UP = UUID.fromString("00000000-0000-0000-0000-0000000000f1");

    private final MutableClock clock = new MutableClock(NOW);
    private AggregateTestFixture<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Lead.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(CrmPolicy.defaults());
    }

    private static LeadCaptured captured() {
        return new LeadCaptured(LEAD, "Asha", "+919876543210", null, "Pune", "DS", "en", "c1", LeadSource.MANUAL,
                "{}", HEAD, null, null, NOW.minusSeconds(60));
    }

    private static LeadAssigned assigned() {
        return new LeadAssigned(LEAD, REP, null, "rr", 1, AssignmentStrategy.ROUND_ROBIN, null, null, null,
                NOW.plus(Duration.ofMinutes(15)), NOW.minusSeconds(30));
    }

    private static LogLeadActivity call(int seconds, UUID by) {
        return new LogLeadActivity(LEAD, ACTIVITY, ActivityType.CALL, "talked", seconds, null, null, by, false);
    }

    @ParameterizedTest
    @CsvSource({"30, HOT", "45, HOT", "10, WARM", "29, WARM", "1, COLD", "9, COLD"})
    void aCallsDurationPredictsTheTemperature(int seconds, Temperature expected) {
        fixture.given(captured(), assigned())
               .when(call(seconds, REP))
               .expectEvents(new LeadActivityLogged(LEAD, ACTIVITY, ActivityType.CALL, "talked", seconds, null, null,
                               REP, NOW),
                       new LeadStatusChanged(LEAD, LeadStatus.ASSIGNED, LeadStatus.CONTACTED, null, REP, NOW),
                       new LeadTemperatureChanged(LEAD, expected, false, REP, NOW));
    }

    @Test
    void anUnansweredCallPredictsNothing() {
        fixture.given(captured(), assigned())
               .when(call(0, REP))
               .expectEvents(new LeadActivityLogged(LEAD, ACTIVITY, ActivityType.CALL, "talked", 0, null, null, REP,
                               NOW),
                       new LeadStatusChanged(LEAD, LeadStatus.ASSIGNED, LeadStatus.CONTACTED, null, REP, NOW));
    }

    @Test
    void aTemperatureSetByTheRepIsNotOverriddenByLaterCalls() {
        fixture.given(captured(), assigned(), new LeadTemperatureChanged(LEAD, Temperature.COLD, true, REP, NOW))
               .when(call(60, REP))
               .expectEvents(new LeadActivityLogged(LEAD, ACTIVITY, ActivityType.CALL, "talked", 60, null, null, REP,
                               NOW),
                       new LeadStatusChanged(LEAD, LeadStatus.ASSIGNED, LeadStatus.CONTACTED, null, REP, NOW));
    }

    @Test
    void aRepSetsTheTemperature() {
        fixture.given(captured(), assigned())
               .when(new SetLeadTemperature(LEAD, Temperature.WARM, REP, false))
               .expectEvents(new LeadTemperatureChanged(LEAD, Temperature.WARM, true, REP, NOW));
    }

    @Test
    void onlyTheLeadsRepOrASalesHeadActsOnIt() {
        fixture.given(captured(), assigned())
               .when(call(40, OTHER_REP))
               .expectNoEvents()
               .expectException(violation("not-your-lead", Kind.FORBIDDEN));
        fixture.given(captured(), assigned())
               .when(new ChangeLeadStatus(LEAD, LeadStatus.INTERESTED, null, HEAD, true))
               .expectEvents(new LeadStatusChanged(LEAD, LeadStatus.ASSIGNED, LeadStatus.INTERESTED, null, HEAD, NOW));
    }

    @Test
    void theTrailGoesForwardAndClosingNeedsAReason() {
        fixture.given(captured(), assigned())
               .when(new ChangeLeadStatus(LEAD, LeadStatus.LOST, " ", REP, false))
               .expectException(violation("missing-reason", Kind.UNPROCESSABLE));
        fixture.given(captured(), assigned(), new LeadStatusChanged(LEAD, LeadStatus.ASSIGNED, LeadStatus.INTERESTED,
                       null, REP, NOW))
               .when(new ChangeLeadStatus(LEAD, LeadStatus.CONTACTED, null, REP, false))
               .expectException(violation("invalid-transition", Kind.CONFLICT));
        fixture.given(captured(), assigned())
               .when(new ChangeLeadStatus(LEAD, LeadStatus.CONVERTED, null, REP, false))
               .expectException(violation("invalid-transition", Kind.CONFLICT));
        fixture.given(captured(), assigned())
               .when(new ChangeLeadStatus(LEAD, LeadStatus.NOT_INTERESTED, "fees too high", REP, false))
               .expectEvents(new LeadStatusChanged(LEAD, LeadStatus.ASSIGNED, LeadStatus.NOT_INTERESTED,
                       "fees too high", REP, NOW));
    }

    @Test
    void aClosedLeadDoesNotChange() {
        fixture.given(captured(), assigned(), new LeadStatusChanged(LEAD, LeadStatus.ASSIGNED, LeadStatus.LOST, "gone",
                       REP, NOW))
               .when(call(40, REP))
               .expectException(violation("lead-closed", Kind.CONFLICT));
    }

    @Test
    void aFollowUpNotTouchedByItsTimeIsOverdueAndATouchCompletesIt() {
        Instant due = NOW.plus(Duration.ofHours(2));
        fixture.given(captured(), assigned())
               .when(new ScheduleFollowUp(LEAD, FOLLOW_UP, due, "call back", REP, false))
               .expectEvents(new FollowUpScheduled(LEAD, FOLLOW_UP, REP, due, "call back", REP, NOW),
                       new LeadStatusChanged(LEAD, LeadStatus.ASSIGNED, LeadStatus.FOLLOW_UP, null, REP, NOW))
               .expectScheduledDeadlineWithName(due, Lead.FOLLOW_UP_DEADLINE);
        setUp(); // a fresh fixture: its deadline manager still holds the deadline scheduled above
        fixture.given(captured(), assigned())
               .andGivenCommands(new ScheduleFollowUp(LEAD, FOLLOW_UP, due, "call back", REP, false))
               .whenThenTimeAdvancesTo(due)
               .expectEvents(new FollowUpOverdue(LEAD, FOLLOW_UP, REP, due, NOW));
        setUp();
        fixture.given(captured(), assigned(), new FollowUpScheduled(LEAD, FOLLOW_UP, REP, due, null, REP, NOW))
               .when(new LogLeadActivity(LEAD, ACTIVITY, ActivityType.EMAIL, "sent", null, null, FOLLOW_UP, REP, false))
               .expectEvents(new LeadActivityLogged(LEAD, ACTIVITY, ActivityType.EMAIL, "sent", null, null, FOLLOW_UP,
                               REP, NOW),
                       new LeadStatusChanged(LEAD, LeadStatus.ASSIGNED, LeadStatus.CONTACTED, null, REP, NOW),
                       new FollowUpCompleted(LEAD, FOLLOW_UP, ACTIVITY, NOW));
    }

    @Test
    void aFollowUpIsInTheFuture() {
        fixture.given(captured(), assigned())
               .when(new ScheduleFollowUp(LEAD, FOLLOW_UP, NOW, null, REP, false))
               .expectException(violation("invalid-due-at", Kind.UNPROCESSABLE));
    }

    @Test
    void callsHaveADurationAndNotesHaveText() {
        fixture.given(captured(), assigned())
               .when(new LogLeadActivity(LEAD, ACTIVITY, ActivityType.CALL, null, null, null, null, REP, false))
               .expectException(violation("missing-duration", Kind.UNPROCESSABLE));
        fixture.given(captured(), assigned())
               .when(new LogLeadActivity(LEAD, ACTIVITY, ActivityType.NOTE, null, null, " ", null, REP, false))
               .expectException(violation("missing-note", Kind.UNPROCESSABLE));
    }
}
