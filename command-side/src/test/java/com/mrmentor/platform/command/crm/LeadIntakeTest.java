package com.mrmentor.platform.command.crm;

import com.mrmentor.platform.command.common.MutableClock;
import com.mrmentor.platform.command.identity.PersonalDataKeys;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.crm.ActivityType;
import com.mrmentor.platform.shared.crm.AssignLeadToRep;
import com.mrmentor.platform.shared.crm.AssignmentRule;
import com.mrmentor.platform.shared.crm.AssignmentRule.RuleRep;
import com.mrmentor.platform.shared.crm.AssignmentStrategy;
import com.mrmentor.platform.shared.crm.AutoAssignLead;
import com.mrmentor.platform.shared.crm.CaptureLead;
import com.mrmentor.platform.shared.crm.CaptureLeads;
import com.mrmentor.platform.shared.crm.ConfigureSalesRep;
import com.mrmentor.platform.shared.crm.CrmIds;
import com.mrmentor.platform.shared.crm.FirstContactSlaBreached;
import com.mrmentor.platform.shared.crm.LeadAssigned;
import com.mrmentor.platform.shared.crm.LeadCaptured;
import com.mrmentor.platform.shared.crm.LeadDuplicateDetected;
import com.mrmentor.platform.shared.crm.LeadLeftUnassigned;
import com.mrmentor.platform.shared.crm.LeadMergeAbsorbed;
import com.mrmentor.platform.shared.crm.LeadMergeUndone;
import com.mrmentor.platform.shared.crm.LeadMerged;
import com.mrmentor.platform.shared.crm.LeadSource;
import com.mrmentor.platform.shared.crm.LeadStatus;
import com.mrmentor.platform.shared.crm.LeadUnmerged;
import com.mrmentor.platform.shared.crm.MergeLeads;
import com.mrmentor.platform.shared.crm.UndoLeadMerge;
import com.mrmentor.platform.shared.crm.LogLeadActivity;
import com.mrmentor.platform.shared.crm.PublishAssignmentRules;
import com.mrmentor.platform.shared.crm.RepAvailability;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link LeadIntake} on a real Axon configuration (leads and the desk event-sourced from an in-memory store, a stub
 * deadline manager moved by hand): capture and de-duplication, each assignment strategy, availability, capacity, the
 * unassigned queue and the first-contact deadline. The directory's tables are replaced by in-memory maps.
 */
class LeadIntakeTest {

    /** Tuesday 10 March 2026, 10:00 in India (working hours). */
    private static final Instant NOW = Instant.parse("2026-03-10T04:30:00Z");
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
    private static final UUID HEAD = UUID.fromString("00000000-0000-0000-0000-0000000000ad");

    private final MutableClock clock = new MutableClock(NOW);
    private final CrmPolicy policy = CrmPolicy.defaults();
    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private final StubDeadlineManager deadlines = new StubDeadlineManager(NOW);
    private final Map<String, UUID> claims = new HashMap<>();
    private final Map<UUID, Long> open = new HashMap<>();
    private final List<Collection<UUID>> preparedKeys = new ArrayList<>();
    private final PersonalDataKeys keys = new PersonalDataKeys() {
        @Override
        public void erase(UUID subject) {
            // intake only prepares and reads keys; a call here would be a bug in what the test drives
            throw new UnsupportedOperationException("lead intake never erases a personal-data key");
        }

        @Override
        public void prepare(Collection<UUID> subjects) {
            preparedKeys.add(List.copyOf(subjects));
        }
    };
    private Configuration axon;

    @BeforeEach
    void setUp() {
        LeadContacts contacts = (phone, email) -> {
            if (phone != null && claims.containsKey(phone)) {
                return Optional.of(new LeadContacts.Match(claims.get(phone), "phone"));
            }
            return Optional.ofNullable(email == null ? null : claims.get(email))
                    .map(lead -> new LeadContacts.Match(lead, "email"));
        };
        RepLoads loads = (Collection<UUID> reps) -> open;
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> store)
                .configureAggregate(Lead.class)
                .configureAggregate(AssignmentDesk.class)
                .registerComponent(Clock.class, c -> clock)
                .registerComponent(CrmPolicy.class, c -> policy)
                .registerComponent(DeadlineManager.class, c -> deadlines)
                .registerCommandHandler(c -> new LeadIntake(c.repository(Lead.class), c.repository(AssignmentDesk.class),
                        c.eventStore(), contacts, loads, deadlines, policy, clock, keys))
                .start();
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
    }

    // ---- capture ----------------------------------------------------------------------------------------------

    @Test
    void aCaptureNormalisesPhoneAndEmailAndKeepsSourceAndPayload() {
        UUID lead = capture("98765 43210", " Asha@Example.COM ", "c1", LeadSource.WEBSITE_FORM);

        LeadCaptured captured = (LeadCaptured) events(lead).get(0);
        assertThat(captured.phone()).isEqualTo("+919876543210");
        assertThat(captured.email()).isEqualTo("asha@example.com");
        assertThat(captured.source()).isEqualTo(LeadSource.WEBSITE_FORM);
        assertThat(captured.rawPayload()).isEqualTo("{\"raw\":true}");
    }

    @Test
    void aMatchingPhoneOrEmailRecordsADuplicateOnTheExistingLeadInsteadOfANewLead() {
        UUID lead = capture("9876543210", "asha@example.com", "c1", LeadSource.MANUAL);
        claims.put("+919876543210", lead);
        claims.put("asha@example.com", lead);

        LeadIntake.Captured byPhone = send(new CaptureLead(UUID.randomUUID(), "A", "+91-98765-43210", null, null,
                null, null, "c2", LeadSource.VENDOR_API, "{}", null, null, null));
        LeadIntake.Captured byEmail = send(new CaptureLead(UUID.randomUUID(), "A", null, "ASHA@example.com", null,
                null, null, "c3", LeadSource.CSV_IMPORT, "{}", null, null, null));

        assertThat(byPhone).isEqualTo(new LeadIntake.Captured(lead, true, "phone"));
        assertThat(byEmail).isEqualTo(new LeadIntake.Captured(lead, true, "email"));
        List<Object> history = events(lead);
        assertThat(history).hasSize(3);
        assertThat(((LeadDuplicateDetected) history.get(1)).source()).isEqualTo(LeadSource.VENDOR_API);
        assertThat(((LeadDuplicateDetected) history.get(2)).source()).isEqualTo(LeadSource.CSV_IMPORT);
    }

    @Test
    void aBatchCapturesRowByRowRefusingBadRowsAndMatchingEarlierRowsOfTheSameBatch() {
        UUID known = capture(null, "known@example.com", "c0", LeadSource.MANUAL);
        claims.put("known@example.com", known);
        List<CaptureLead> rows = List.of(
                row("9876500001", null),            // a new lead
                row("12345", null),                 // not a mobile number: refused, records nothing
                row("+91 98765 00001", null),       // the first row's phone: a duplicate of the lead it created
                row(null, " KNOWN@example.com"),    // a stored lead's e-mail: a duplicate of that lead
                row(null, "fresh@example.com"),     // a new lead
                row("9876500002", "fresh@example.com"), // the fifth row's e-mail: a duplicate of its lead
                row(null, null));                   // neither: refused

        List<LeadIntake.RowOutcome> outcomes = send(new CaptureLeads(rows));

        UUID first = rows.get(0).leadId();
        UUID fifth = rows.get(4).leadId();
        assertThat(outcomes).containsExactly(
                new LeadIntake.RowOutcome(first, false, null, null, null),
                new LeadIntake.RowOutcome(null, false, null, "invalid-phone",
                        "The phone is not an Indian mobile number (10 digits starting 6–9)"),
                new LeadIntake.RowOutcome(first, true, "phone", null, null),
                new LeadIntake.RowOutcome(known, true, "email", null, null),
                new LeadIntake.RowOutcome(fifth, false, null, null, null),
                new LeadIntake.RowOutcome(fifth, true, "email", null, null),
                new LeadIntake.RowOutcome(null, false, null, "missing-phone-or-email", "A phone-or-email is required"));
        assertThat(events(first)).hasSize(2);
        assertThat(((LeadCaptured) events(first).get(0)).phone()).isEqualTo("+919876500001");
        assertThat(((LeadDuplicateDetected) events(first).get(1)).duplicateId()).isEqualTo(rows.get(2).leadId());
        assertThat(last(known)).isInstanceOf(LeadDuplicateDetected.class);
        assertThat(((LeadDuplicateDetected) last(fifth)).phone()).isEqualTo("+919876500002");
        assertThat(events(rows.get(1).leadId())).isEmpty();
        assertThat(events(rows.get(2).leadId())).isEmpty();
        assertThat(preparedKeys).containsExactly(List.of(first, fifth)); // one go, new leads only
    }

    @Test
    void aLeadNeedsAPhoneOrAnEmailThatCanBeRead() {
        assertViolation(() -> capture(null, " ", "c", LeadSource.MANUAL), "missing-phone-or-email");
        assertViolation(() -> capture("12345", null, "c", LeadSource.MANUAL), "invalid-phone");
        assertViolation(() -> capture(null, "not-mail", "c", LeadSource.MANUAL), "invalid-email");
    }

    // ---- assignment ---------------------------------------------------------------------------------------------

    @Test
    void roundRobinOverThreeRepsGivesTenLeadsFourThreeThreeInRotation() {
        publish(rule("rr", "c", AssignmentStrategy.ROUND_ROBIN, A, B, C));

        List<UUID> reps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reps.add(assignNew("c"));
        }

        assertThat(reps).containsExactly(A, B, C, A, B, C, A, B, C, A);
    }

    @Test
    void theRotationIsStateOfTheDeskSoAReloadedDeskContinuesWhereItStopped() {
        publish(rule("rr", "c", AssignmentStrategy.ROUND_ROBIN, A, B, C));
        assignNew("c");
        assignNew("c");
        tearDown();
        setUp(); // a new configuration over the same store: the desk is rebuilt from its events

        assertThat(assignNew("c")).isEqualTo(C);
    }

    @Test
    void aPausedOrAbsentRepReceivesNothingAndTheFirstMatchingRuleWins() {
        configure(B, 50, RepAvailability.PAUSED);
        configure(C, 50, RepAvailability.ON_LEAVE);
        publish(rule("camp", "c", AssignmentStrategy.ROUND_ROBIN, A, B, C),
                rule("default", null, AssignmentStrategy.ROUND_ROBIN, B));

        assertThat(List.of(assignNew("c"), assignNew("c"), assignNew("c"))).containsOnly(A);
        UUID other = capture(null, "x@y.in", "elsewhere", LeadSource.MANUAL);
        LeadIntake.Routed routed = send(new AutoAssignLead(other));
        assertThat(routed.repId()).isNull();
        assertThat(routed.queueReason()).isEqualTo("no-eligible-rep");
        assertThat(routed.ruleId()).isEqualTo("default");
    }

    @Test
    void capacityOverflowWaitsInTheQueueOnceAndTheNextDayHasRoomAgain() {
        configure(A, 2, RepAvailability.ACTIVE);
        publish(rule("cap", "c", AssignmentStrategy.FEWEST_OPEN, A));
        assignNew("c");
        assignNew("c");
        UUID third = capture(null, "third@y.in", "c", LeadSource.MANUAL);

        send(new AutoAssignLead(third));
        send(new AutoAssignLead(third)); // the sweep again: the same reason is not recorded twice

        List<Object> history = events(third);
        assertThat(history).hasSize(2);
        assertThat(((LeadLeftUnassigned) history.get(1)).reason()).isEqualTo("no-eligible-rep");
        clock.set(NOW.plus(Duration.ofDays(1)));
        assertThat(((LeadIntake.Routed) send(new AutoAssignLead(third))).repId()).isEqualTo(A);
    }

    @Test
    void noMatchingRuleLeavesTheLeadUnassigned() {
        publish(rule("only", "c", AssignmentStrategy.ROUND_ROBIN, A));
        UUID lead = capture("9876500000", null, "other", LeadSource.MANUAL);
        LeadIntake.Routed routed = send(new AutoAssignLead(lead));
        assertThat(routed.queueReason()).isEqualTo("no-matching-rule");
    }

    @Test
    void fewestOpenLeadsPicksTheLeastLoadedRep() {
        open.put(A, 5L);
        open.put(B, 1L);
        open.put(C, 3L);
        publish(rule("load", "c", AssignmentStrategy.FEWEST_OPEN, A, B, C));
        assertThat(assignNew("c")).isEqualTo(B);
    }

    @Test
    void weightedSharesFollowTheWeights() {
        publish(new AssignmentRule("w", "weighted", null, "c", null, null, null, AssignmentStrategy.WEIGHTED,
                List.of(new RuleRep(A, 2), new RuleRep(B, 1))));
        Map<UUID, Integer> counts = new HashMap<>();
        for (int i = 0; i < 9; i++) {
            counts.merge(assignNew("c"), 1, Integer::sum);
        }
        assertThat(counts).containsEntry(A, 6).containsEntry(B, 3);
    }

    @Test
    void everyAssignmentRecordsRepRuleVersionStrategyAndActor() {
        publish(rule("rr", "c", AssignmentStrategy.ROUND_ROBIN, A));
        publish(rule("rr", "c", AssignmentStrategy.ROUND_ROBIN, B)); // version 2
        UUID lead = capture(null, "v@y.in", "c", LeadSource.MANUAL);
        send(new AutoAssignLead(lead));
        send(new AssignLeadToRep(lead, C, HEAD, null, "knows the city"));

        List<Object> history = events(lead);
        LeadAssigned byRule = (LeadAssigned) history.get(1);
        assertThat(byRule.repId()).isEqualTo(B);
        assertThat(byRule.ruleId()).isEqualTo("rr");
        assertThat(byRule.ruleVersion()).isEqualTo(2);
        assertThat(byRule.strategy()).isEqualTo(AssignmentStrategy.ROUND_ROBIN);
        assertThat(byRule.assignedBy()).isNull();
        LeadAssigned byHand = (LeadAssigned) history.get(2);
        assertThat(byHand.repId()).isEqualTo(C);
        assertThat(byHand.previousRepId()).isEqualTo(B);
        assertThat(byHand.strategy()).isEqualTo(AssignmentStrategy.MANUAL);
        assertThat(byHand.assignedBy()).isEqualTo(HEAD);
        assertThat(byHand.reason()).isEqualTo("knows the city");
    }

    @Test
    void aManualAssignmentIsRefusedForARepOnLeaveOrTheRepWhoHasTheLead() {
        configure(B, 10, RepAvailability.ON_LEAVE);
        UUID lead = capture(null, "m@y.in", "c", LeadSource.MANUAL);
        assertViolation(() -> send(new AssignLeadToRep(lead, B, HEAD, null, null)), "rep-unavailable");
        send(new AssignLeadToRep(lead, A, HEAD, null, null));
        assertViolation(() -> send(new AssignLeadToRep(lead, A, HEAD, null, null)), "already-assigned-to-rep");
        assertViolation(() -> send(new AssignLeadToRep(UUID.randomUUID(), A, HEAD, null, null)), "lead-not-found");
    }

    // ---- first contact ------------------------------------------------------------------------------------------

    @Test
    void noContactWithinFifteenWorkingMinutesBreachesTheSla() {
        UUID lead = capture(null, "sla@y.in", "c", LeadSource.MANUAL);
        send(new AssignLeadToRep(lead, A, HEAD, null, null));
        assertThat(((LeadAssigned) events(lead).get(1)).firstContactDueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));

        fireDeadlines(NOW.plus(Duration.ofMinutes(15)));

        FirstContactSlaBreached breach = (FirstContactSlaBreached) last(lead);
        assertThat(breach.repId()).isEqualTo(A);
    }

    @Test
    void aContactInTimeKeepsTheSlaAndAReassignmentStartsANewClock() {
        UUID lead = capture(null, "ok@y.in", "c", LeadSource.MANUAL);
        send(new AssignLeadToRep(lead, A, HEAD, null, null));
        clock.set(NOW.plus(Duration.ofMinutes(5)));
        send(new LogLeadActivity(lead, UUID.randomUUID(), ActivityType.CALL, "busy", 0, null, null, A, false));
        fireDeadlines(NOW.plus(Duration.ofMinutes(16)));
        assertThat(events(lead)).noneMatch(FirstContactSlaBreached.class::isInstance);

        clock.set(NOW.plus(Duration.ofMinutes(20)));
        send(new AssignLeadToRep(lead, B, HEAD, null, null));
        fireDeadlines(NOW.plus(Duration.ofMinutes(36)));
        assertThat(last(lead)).isInstanceOf(FirstContactSlaBreached.class);
        assertThat(((FirstContactSlaBreached) last(lead)).repId()).isEqualTo(B);
    }

    // ---- merging ----------------------------------------------------------------------------------------------------

    @Test
    void aMergedLeadTakesNoChangesUntilTheMergeIsUndoneAndThenIsAsItWas() {
        UUID survivor = capture(null, "s@y.in", "c", LeadSource.MANUAL);
        UUID merged = capture(null, "m@y.in", "c", LeadSource.VENDOR_API);
        send(new AssignLeadToRep(merged, B, HEAD, null, null));
        UUID mergeId = UUID.randomUUID();

        LeadIntake.Merged done = send(new MergeLeads(survivor, merged, mergeId, HEAD));

        assertThat(done).isEqualTo(new LeadIntake.Merged(mergeId, survivor, merged));
        assertThat(last(merged)).isEqualTo(new LeadMerged(merged, survivor, mergeId, HEAD, NOW));
        assertThat(last(survivor)).isEqualTo(new LeadMergeAbsorbed(survivor, merged, mergeId, HEAD, NOW));
        assertViolation(() -> send(new LogLeadActivity(merged, UUID.randomUUID(), ActivityType.CALL, null, 5, null,
                null, B, false)), "lead-merged");
        assertViolation(() -> send(new MergeLeads(merged, survivor, UUID.randomUUID(), HEAD)), "lead-merged");
        assertThat(((LeadIntake.Routed) send(new AutoAssignLead(merged))).repId()).isEqualTo(B); // no change

        send(new UndoLeadMerge(survivor, mergeId, HEAD));

        assertThat(last(survivor)).isEqualTo(new LeadMergeUndone(survivor, merged, mergeId, HEAD, NOW));
        assertThat(last(merged)).isEqualTo(new LeadUnmerged(merged, survivor, mergeId, B, LeadStatus.ASSIGNED, HEAD,
                NOW));
        send(new LogLeadActivity(merged, UUID.randomUUID(), ActivityType.CALL, null, 5, null, null, B, false));
        assertViolation(() -> send(new UndoLeadMerge(survivor, mergeId, HEAD)), "merge-not-found");
        assertViolation(() -> send(new MergeLeads(survivor, survivor, UUID.randomUUID(), HEAD)), "invalid-merge");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private UUID capture(String phone, String email, String campaign, LeadSource source) {
        LeadIntake.Captured captured = send(new CaptureLead(UUID.randomUUID(), "Lead", phone, email, "Pune", "DS",
                "en", campaign, source, "{\"raw\":true}", null, null, null));
        return captured.leadId();
    }

    private static CaptureLead row(String phone, String email) {
        return new CaptureLead(UUID.randomUUID(), "Row", phone, email, "Pune", "DS", "en", "c", LeadSource.CSV_IMPORT,
                "{}", null, null, UUID.randomUUID());
    }

    private UUID assignNew(String campaign) {
        UUID lead = capture(null, UUID.randomUUID() + "@leads.in", campaign, LeadSource.MANUAL);
        LeadIntake.Routed routed = send(new AutoAssignLead(lead));
        return routed.repId();
    }

    private void publish(AssignmentRule... rules) {
        send(new PublishAssignmentRules(List.of(rules), HEAD));
    }

    private void configure(UUID rep, int capacity, RepAvailability availability) {
        send(new ConfigureSalesRep(rep, capacity, availability, HEAD));
    }

    private static AssignmentRule rule(String id, String campaign, AssignmentStrategy strategy, UUID... reps) {
        return new AssignmentRule(id, id, null, campaign, null, null, null, strategy,
                java.util.Arrays.stream(reps).map(r -> new RuleRep(r, 1)).toList());
    }

    private void fireDeadlines(Instant until) {
        Repository<Lead> leads = axon.repository(Lead.class);
        clock.set(until);
        deadlines.advanceTimeTo(until, (scope, message) -> DefaultUnitOfWork.startAndGet(message).execute(() -> {
            try {
                leads.send(message, scope);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private <R> R send(Object command) {
        try {
            return axon.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command));
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private static void assertViolation(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.code()).isEqualTo(code));
    }

    private List<Object> events(UUID leadId) {
        return store.readEvents(CrmIds.lead(leadId)).asStream().map(EventMessage::getPayload).map(p -> (Object) p)
                .toList();
    }

    private Object last(UUID leadId) {
        List<Object> history = events(leadId);
        return history.get(history.size() - 1);
    }
}
