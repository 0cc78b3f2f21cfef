package com.mrmentor.platform.command.crm;

import com.mrmentor.platform.command.common.MutableClock;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;
import com.mrmentor.platform.shared.crm.ApproveBulkAssignment;
import com.mrmentor.platform.shared.crm.BulkAssignmentApproved;
import com.mrmentor.platform.shared.crm.BulkAssignmentLapsed;
import com.mrmentor.platform.shared.crm.BulkAssignmentRejected;
import com.mrmentor.platform.shared.crm.BulkAssignmentRequested;
import com.mrmentor.platform.shared.crm.LapseBulkAssignment;
import com.mrmentor.platform.shared.crm.RejectBulkAssignment;
import com.mrmentor.platform.shared.crm.RequestBulkAssignment;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.mrmentor.platform.command.crm.Violations.violation;

/** The approval gate's rules: maker-checker, a comment on rejection, a 48-hour window, lapse only while pending. */
class BulkAssignmentRequestTest {

    private static final Instant NOW = Instant.parse("2026-03-10T04:30:00Z");
    private static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID REP = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID HEAD = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
    private static final List<UUID> LEADS = List.of(UUID.fromString("00000000-0000-0000-0000-000000000001"),
            UUID.fromString("00000000-0000-0000-0000-000000000002"));

    private final MutableClock clock = new MutableClock(NOW);
    private AggregateTestFixture<BulkAssignmentRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BulkAssignmentRequest.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(CrmPolicy.defaults());
    }

    private static BulkAssignmentRequested requested() {
        return new BulkAssignmentRequested(REQUEST, LEADS, REP, REP, "my leads", NOW, NOW.plus(Duration.ofHours(48)));
    }

    @Test
    void aRequestWaitsFortyEightHoursForADecision() {
        fixture.givenNoPriorActivity()
               .when(new RequestBulkAssignment(REQUEST, List.of(LEADS.get(0), LEADS.get(1), LEADS.get(0)), REP, REP,
                       " my leads "))
               .expectEvents(requested());
    }

    @Test
    void anotherSalesHeadApproves() {
        fixture.given(requested())
               .when(new ApproveBulkAssignment(REQUEST, HEAD, "ok"))
               .expectEvents(new BulkAssignmentApproved(REQUEST, LEADS, REP, HEAD, "ok", NOW));
    }

    @Test
    void theRequesterCannotDecideTheirOwnRequest() {
        fixture.given(requested())
               .when(new ApproveBulkAssignment(REQUEST, REP, "self"))
               .expectNoEvents()
               .expectException(violation("cannot-decide-own-request", Kind.FORBIDDEN));
    }

    @Test
    void aRejectionNeedsAComment() {
        fixture.given(requested())
               .when(new RejectBulkAssignment(REQUEST, HEAD, " "))
               .expectException(violation("missing-comment", Kind.UNPROCESSABLE));
        fixture.given(requested())
               .when(new RejectBulkAssignment(REQUEST, HEAD, "uneven load"))
               .expectEvents(new BulkAssignmentRejected(REQUEST, HEAD, "uneven load", NOW));
    }

    @Test
    void afterFortyEightHoursNoDecisionIsTaken() {
        clock.set(NOW.plus(Duration.ofHours(48)));
        fixture.given(requested())
               .when(new ApproveBulkAssignment(REQUEST, HEAD, "late"))
               .expectException(violation("assignment-request-decided", Kind.CONFLICT));
    }

    @Test
    void aPendingRequestLapsesAndADecidedOneIgnoresTheLapse() {
        fixture.given(requested())
               .when(new LapseBulkAssignment(REQUEST))
               .expectEvents(new BulkAssignmentLapsed(REQUEST, NOW));
        fixture.given(requested(), new BulkAssignmentApproved(REQUEST, LEADS, REP, HEAD, null, NOW))
               .when(new LapseBulkAssignment(REQUEST))
               .expectNoEvents();
        fixture.given(requested(), new BulkAssignmentLapsed(REQUEST, NOW))
               .when(new ApproveBulkAssignment(REQUEST, HEAD, "too late"))
               .expectException(violation("assignment-request-decided", Kind.CONFLICT));
    }
}
