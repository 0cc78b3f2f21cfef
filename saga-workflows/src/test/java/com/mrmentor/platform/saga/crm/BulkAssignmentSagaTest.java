package com.mrmentor.platform.saga.crm;

import com.mrmentor.platform.shared.crm.AssignLeadToRep;
import com.mrmentor.platform.shared.crm.BulkAssignmentApproved;
import com.mrmentor.platform.shared.crm.BulkAssignmentCarriedOut;
import com.mrmentor.platform.shared.crm.BulkAssignmentLapsed;
import com.mrmentor.platform.shared.crm.BulkAssignmentRejected;
import com.mrmentor.platform.shared.crm.BulkAssignmentRequested;
import com.mrmentor.platform.shared.crm.CrmIds;
import com.mrmentor.platform.shared.crm.LapseBulkAssignment;
import com.mrmentor.platform.shared.crm.RecordBulkAssignmentOutcome;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every path of the approval gate's saga: lapse, rejection, approval carried out lead by lead. */
class BulkAssignmentSagaTest {

    private static final Instant NOW = Instant.parse("2026-03-10T04:30:00Z");
    private static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID REP = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID HEAD = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
    private static final UUID LEAD_1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID LEAD_2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final String AGGREGATE = CrmIds.request(REQUEST);
    private static final Instant DECIDE_BY = NOW.plus(Duration.ofHours(48));

    private SagaTestFixture<BulkAssignmentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(BulkAssignmentSaga.class);
    }

    private static BulkAssignmentRequested requested() {
        return new BulkAssignmentRequested(REQUEST, List.of(LEAD_1, LEAD_2), REP, REP, null, NOW, DECIDE_BY);
    }

    @Test
    void aRequestSchedulesItsLapse() {
        fixture.givenCurrentTime(NOW)
               .whenAggregate(AGGREGATE).publishes(requested())
               .expectActiveSagas(1)
               .expectScheduledDeadlineWithName(DECIDE_BY, BulkAssignmentSaga.LAPSE_DEADLINE)
               .expectNoDispatchedCommands();
    }

    @Test
    void undecidedFor48HoursTheRequestLapses() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested())
               .whenTimeAdvancesTo(DECIDE_BY)
               .expectDispatchedCommands(new LapseBulkAssignment(REQUEST));
    }

    @Test
    void theLapseEndsTheSaga() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested())
               .whenAggregate(AGGREGATE).publishes(new BulkAssignmentLapsed(REQUEST, DECIDE_BY))
               .expectActiveSagas(0);
    }

    @Test
    void aRejectionCancelsTheLapseAndEnds() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested())
               .whenAggregate(AGGREGATE).publishes(new BulkAssignmentRejected(REQUEST, HEAD, "no", NOW))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines()
               .expectNoDispatchedCommands();
    }

    @Test
    void anApprovalAssignsLeadByLeadAsTheApproverAndRecordsTheOutcome() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested())
               .whenAggregate(AGGREGATE).publishes(new BulkAssignmentApproved(REQUEST, List.of(LEAD_1, LEAD_2), REP,
                       HEAD, "ok", NOW))
               .expectNoScheduledDeadlines()
               .expectActiveSagas(1)
               .expectDispatchedCommands(
                       new AssignLeadToRep(LEAD_1, REP, HEAD, REQUEST, "bulk request " + REQUEST),
                       new AssignLeadToRep(LEAD_2, REP, HEAD, REQUEST, "bulk request " + REQUEST),
                       new RecordBulkAssignmentOutcome(REQUEST, 2, List.of()));
    }

    @Test
    void theOutcomeEndsTheSaga() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(AGGREGATE).published(requested(),
                       new BulkAssignmentApproved(REQUEST, List.of(LEAD_1), REP, HEAD, null, NOW))
               .whenAggregate(AGGREGATE).publishes(new BulkAssignmentCarriedOut(REQUEST, 1, List.of(), NOW))
               .expectActiveSagas(0);
    }
}
