package com.mrmentor.platform.runtime.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import com.mrmentor.platform.runtime.support.CrmApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.MentorApi;
import com.mrmentor.platform.runtime.support.OpsApi;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Field;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection that fails on an event parks it, and every later event of the same aggregate behind it, in the
 * dead-letter queue — never "log and skip" — while other aggregates and other projections keep flowing. Once the
 * cause is fixed, a retry drains the sequence in order; an eviction drops one event so the rest can flow.
 */
class DeadLetterRecoveryIT extends IntegrationTest {

    private static final String PROFILES = "mentor-profiles";
    private static final List<Map<String, Object>> MORNING = List.of(MentorApi.window("09:00", "12:00"));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Value("${platform.dead-letters.groups}")
    List<String> deadLetterGroups;

    private OpsApi ops() {
        return new OpsApi(api());
    }

    @Test
    void anUnreadableRowParksTheMentorsEventsInOrderUntilARetryDrainsThem() {
        String admin = admin();
        BookingApi bookings = new BookingApi(api(), identity());
        MentorApi mentors = new MentorApi(api());
        Person poisoned = bookings.newMentor("dlq-mentor", admin, "Asia/Kolkata", 0);
        Person bystander = bookings.newMentor("dlq-bystander", admin, "Asia/Kolkata", 0);
        ops().awaitAtHead(admin, PROFILES);
        LocalDate first = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        LocalDate second = first.plusDays(1);
        String word = "dlq" + UUID.randomUUID().toString().substring(0, 8);

        // the row the projection reads to apply a date is damaged: the next date event of this mentor fails
        damageAvailability(poisoned.id());
        assertThat(mentors.setDate(poisoned.token(), first, MORNING).status()).isEqualTo(204);
        assertThat(mentors.setDate(poisoned.token(), second, MORNING).status()).isEqualTo(204);
        assertThat(api().put("/api/mentors/me/profile", poisoned.token(), profile("Kotlin " + word)).status())
                .isEqualTo(204);

        String sequence = "mentor:" + poisoned.id();
        List<JsonNode> parked = ops().awaitDeadLetters(admin, PROFILES, sequence, letters -> letters.size() == 3);
        assertThat(parked).extracting(l -> l.get("sequenceIndex").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(parked).extracting(l -> l.get("eventType").asText().replaceAll(".*\\.", ""))
                .containsExactly("DateAvailabilitySet", "DateAvailabilitySet", "MentorProfileUpdated");
        assertThat(parked).allSatisfy(letter -> {
            assertThat(letter.get("aggregateIdentifier").asText()).isEqualTo(sequence);
            assertThat(letter.get("globalPosition").asLong()).isPositive();
            assertThat(letter.get("enqueuedAt").isNull()).isFalse();
        });
        assertThat(parked.get(0).get("causeType").asText()).isNotBlank();
        assertThat(parked.get(0).get("causeMessage").asText()).contains("Unreadable availability");
        assertThat(parked.get(0).get("globalPosition").asLong()).isLessThan(parked.get(1).get("globalPosition")
                .asLong());

        // the mentor's read model waits for its parked events; other mentors and other projections do not
        assertThat(mentors.setDate(bystander.token(), first, MORNING).status()).isEqualTo(204);
        mentors.awaitMentor(admin, bystander.id(), m -> m.path("dates").has(first.toString()));
        // (read from the tables: the damaged row would also break the mentor's reads until it is repaired)
        await("discovery applies the profile change").atMost(OpsApi.WAIT).until(() -> ("Kotlin " + word).equals(
                jdbc.queryForObject("SELECT headline FROM discovery_mentor WHERE user_id = ?", String.class,
                        poisoned.id())));
        Map<String, Object> stuck = jdbc.queryForMap("SELECT headline, dates FROM mentor_profile WHERE user_id = ?",
                poisoned.id());
        assertThat(stuck.get("dates")).isEqualTo("not json");
        assertThat(stuck.get("headline")).isEqualTo("Backend engineer");
        assertThat(ops().processor(admin, PROFILES).get("deadLetters").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(ops().processor(admin, PROFILES).get("running").asBoolean()).isTrue();

        // a retry before the fix: nothing moves, the letters stay in order with their cause
        Response tooEarly = ops().retry(admin, parked.get(1).get("id").asText());
        assertThat(tooEarly.status()).as("%s", tooEarly).isEqualTo(200);
        assertThat(tooEarly.body().get("outcome").asText()).isIn("STILL_FAILING", "BUSY");
        assertThat(tooEarly.body().get("remaining").asLong()).isEqualTo(3);

        // fixed: the retry of any letter of the sequence drains it from its first event, in order
        repairAvailability(poisoned.id());
        Response retried = ops().retry(admin, parked.get(2).get("id").asText());
        assertThat(retried.status()).as("%s", retried).isEqualTo(200);
        assertThat(retried.body().get("outcome").asText()).isEqualTo("DRAINED");
        assertThat(retried.body().get("processed").asLong()).isEqualTo(3);
        assertThat(retried.body().get("remaining").asLong()).isZero();
        assertThat(ops().awaitDeadLetters(admin, PROFILES, sequence, List::isEmpty)).isEmpty();
        JsonNode healed = mentors.mentor(admin, poisoned.id()).body();
        assertThat(healed.get("dates").has(first.toString())).isTrue();
        assertThat(healed.get("dates").has(second.toString())).isTrue();
        assertThat(healed.get("headline").asText()).isEqualTo("Kotlin " + word);

        // and later events of the mentor flow straight to the read model again
        assertThat(mentors.clearDate(poisoned.token(), first).status()).isEqualTo(204);
        mentors.awaitMentor(admin, poisoned.id(), m -> !m.path("dates").has(first.toString()));

        List<JsonNode> recorded = ops().operations(auditor(), PROFILES);
        assertThat(recorded.get(0).get("action").asText()).isEqualTo("DEAD_LETTER_RETRIED");
        assertThat(recorded.get(0).get("outcome").asText()).isEqualTo("DRAINED");
        assertThat(recorded.get(0).get("actorId").asText()).isEqualTo(TokenApi.subjectOf(admin).toString());
    }

    /**
     * Each dead-lettering group remembers which sequences it has not parked, instead of asking PostgreSQL for every
     * event it handles; the replayable read models also allow a reset. Both are one invoker configuration per group,
     * and a second registration replaces the first (as ours once replaced the cache's).
     */
    @Test
    void everyDeadLetteringGroupCachesItsUnparkedSequencesAndReadModelsAllowAReset() throws Exception {
        for (String group : deadLetterGroups) {
            EventProcessor processor = processing.eventProcessor(group).orElseThrow();
            List<DeadLetteringEventHandlerInvoker> invokers =
                    deadLettering(((AbstractEventProcessor) processor).eventHandlerInvoker());
            assertThat(invokers).as(group).isNotEmpty();
            for (DeadLetteringEventHandlerInvoker invoker : invokers) {
                assertThat(field(invoker, "sequenceIdentifierCacheEnabled")).as(group + " caches").isEqualTo(true);
                assertThat(field(invoker, "allowReset")).as(group + " allows a reset")
                        .isEqualTo(ReadModelCatalog.readModel(group).isPresent());
            }
        }
    }

    private static List<DeadLetteringEventHandlerInvoker> deadLettering(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(delegate -> deadLettering(delegate).stream()).toList();
        }
        return invoker instanceof DeadLetteringEventHandlerInvoker deadLettering ? List.of(deadLettering) : List.of();
    }

    private static Object field(DeadLetteringEventHandlerInvoker invoker, String name) throws Exception {
        Field field = DeadLetteringEventHandlerInvoker.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(invoker);
    }

    @Test
    void anEvictedEventIsDroppedForGoodAndTheRestOfItsSequenceFlows() {
        String admin = admin();
        MentorApi mentors = new MentorApi(api());
        Person mentor = activeMentor("dlq-evict", admin);
        LocalDate dropped = LocalDate.now(ZoneOffset.UTC).plusDays(5);
        LocalDate kept = dropped.plusDays(1);

        damageAvailability(mentor.id());
        assertThat(mentors.setDate(mentor.token(), dropped, MORNING).status()).isEqualTo(204);
        assertThat(mentors.setDate(mentor.token(), kept, MORNING).status()).isEqualTo(204);
        String sequence = "mentor:" + mentor.id();
        List<JsonNode> parked = ops().awaitDeadLetters(admin, PROFILES, sequence, letters -> letters.size() == 2);
        repairAvailability(mentor.id());

        Response noReason = api().post("/api/admin/dead-letters/" + parked.get(0).get("id").asText() + "/evict",
                admin, json("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(ops().deadLetters(admin, PROFILES).stream()
                .filter(l -> sequence.equals(l.get("sequenceIdentifier").asText()))).hasSize(2);

        Response evicted = ops().evict(admin, parked.get(0).get("id").asText(), "date set by mistake, per support");
        assertThat(evicted.status()).as("%s", evicted).isEqualTo(200);
        assertThat(evicted.body().get("remainingInSequence").asLong()).isEqualTo(1);
        Response again = ops().evict(admin, parked.get(0).get("id").asText(), "twice");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.problemType()).isEqualTo("/problems/dead-letter-not-found");

        Response retried = ops().retry(admin, parked.get(1).get("id").asText());
        assertThat(retried.body().get("outcome").asText()).as("%s", retried).isEqualTo("DRAINED");
        JsonNode view = mentors.mentor(admin, mentor.id()).body();
        assertThat(view.get("dates").has(kept.toString())).isTrue();
        assertThat(view.get("dates").has(dropped.toString())).isFalse();

        JsonNode eviction = ops().operations(admin, PROFILES).stream()
                .filter(o -> "DEAD_LETTER_EVICTED".equals(o.get("action").asText())
                        && parked.get(0).get("id").asText().equals(o.get("deadLetterId").asText()))
                .findFirst().orElseThrow();
        assertThat(eviction.get("reason").asText()).isEqualTo("date set by mistake, per support");
        assertThat(eviction.get("eventIdentifier").asText()).isEqualTo(parked.get(0).get("eventIdentifier").asText());
    }

    @Test
    void aReplayDeliversTheParkedEventsAgainAndLeavesNoLetterBehind() {
        String admin = admin();
        MentorApi mentors = new MentorApi(api());
        Person mentor = activeMentor("dlq-replay", admin);
        LocalDate date = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        String sequence = "mentor:" + mentor.id();

        damageAvailability(mentor.id());
        assertThat(mentors.setDate(mentor.token(), date, MORNING).status()).isEqualTo(204);
        ops().awaitDeadLetters(admin, PROFILES, sequence, letters -> letters.size() == 1);

        // the replay rebuilds the table from the events (the damaged row goes with it) and drops the parked events,
        // which it delivers again in their place
        Response replay = ops().replay(admin, PROFILES);
        assertThat(replay.status()).as("%s", replay).isEqualTo(202);
        ops().awaitAtHead(admin, PROFILES);
        assertThat(ops().deadLetters(admin, PROFILES).stream()
                .filter(l -> sequence.equals(l.get("sequenceIdentifier").asText()))).isEmpty();
        assertThat(mentors.mentor(admin, mentor.id()).body().get("dates").has(date.toString())).isTrue();
        JsonNode recorded = ops().operations(admin, PROFILES).get(0);
        assertThat(recorded.get("action").asText()).isEqualTo("REPLAY_REQUESTED");
        assertThat(recorded.get("detail").asText()).contains("parked event(s) dropped");
    }

    @Test
    void aConflictingRowInALeadsTimelineParksThatLeadsEventsAndLeavesOtherLeadsFlowing() {
        String admin = admin();
        CrmApi crm = new CrmApi(api(), identity(), this::admin);
        String campaign = CrmApi.newCampaign("dlq");
        UUID lead = crm.enterLead(admin, CrmApi.newPhone(), campaign);
        UUID other = crm.enterLead(admin, CrmApi.newPhone(), campaign);
        ops().awaitAtHead(admin, "crm-leads");
        long last = jdbc.queryForObject("SELECT last_sequence FROM crm_read_position WHERE aggregate_id = ?",
                Long.class, "crm-lead:" + lead);
        // someone wrote a timeline row where the lead's next event goes: inserting it fails in the database
        jdbc.update("INSERT INTO crm_lead_event (lead_id, seq, at, type, detail, shown_on) VALUES (?, ?, ?, 'NOTE', "
                + "'{}', ?)", lead, last + 1, java.sql.Timestamp.from(clock.instant()), lead);

        assertThat(api().post("/api/crm/leads/" + lead + "/activities", admin, json("type", "CALL",
                "durationSeconds", 30, "outcome", "interested")).status()).isEqualTo(201);
        assertThat(api().put("/api/crm/leads/" + lead + "/temperature", admin, json("temperature", "COLD"))
                .status()).isEqualTo(204);
        assertThat(api().post("/api/crm/leads/" + other + "/activities", admin, json("type", "CALL",
                "durationSeconds", 20, "outcome", "busy")).status()).isEqualTo(201);

        // the call also warms the lead up (HOT), then the admin cools it down: both wait behind the failed call
        List<JsonNode> parked = ops().awaitDeadLetters(admin, "crm-leads", "crm-lead:" + lead,
                letters -> letters.size() == 3);
        assertThat(parked).extracting(l -> l.get("eventType").asText().replaceAll(".*\\.", ""))
                .containsExactly("LeadActivityLogged", "LeadTemperatureChanged", "LeadTemperatureChanged");
        assertThat(parked.get(0).get("causeMessage").asText()).contains("crm_lead_event_pk");
        crm.awaitLead(admin, other, l -> !l.path("firstContactedAt").isNull());
        assertThat(crm.lead(admin, lead).body().path("firstContactedAt").isNull()).isTrue();

        jdbc.update("DELETE FROM crm_lead_event WHERE lead_id = ? AND seq = ?", lead, last + 1);
        Response retried = ops().retry(admin, parked.get(0).get("id").asText());
        assertThat(retried.body().get("outcome").asText()).as("%s", retried).isEqualTo("DRAINED");
        assertThat(retried.body().get("processed").asLong()).isEqualTo(3);
        JsonNode healed = crm.lead(admin, lead).body();
        assertThat(healed.path("firstContactedAt").isNull()).isFalse();
        assertThat(healed.get("temperature").asText()).isEqualTo("COLD");
    }

    /**
     * The ledger's lines go to PostgreSQL together when a batch commits (DeferredStatements). A line the database
     * refuses fails the whole batch; its retry, with a savepoint per event, parks that wallet's events and writes the
     * rest.
     */
    @Test
    void aLedgerLineTheDatabaseRefusesParksThatWalletsEventsAndOtherWalletsLinesAreWritten() {
        String admin = admin();
        TokenApi tokens = new TokenApi(api());
        UUID poisoned = UUID.randomUUID();
        UUID bystander = UUID.randomUUID();
        tokens.grant(admin, poisoned, 10, "PROMOTIONAL");
        tokens.grant(admin, bystander, 10, "PROMOTIONAL");
        ops().awaitAtHead(admin, "token-ledger");
        String constraint = "ledger_refuses_" + poisoned.toString().substring(0, 8);
        String sequence = "token-wallet:" + poisoned;
        List<JsonNode> parked;
        jdbc.execute("ALTER TABLE token_ledger_entry ADD CONSTRAINT " + constraint + " CHECK (user_id <> '"
                + poisoned + "') NOT VALID");
        try {
            assertThat(tokens.capture(admin, tokens.hold(admin, poisoned, 3)).status()).isEqualTo(200);
            assertThat(tokens.capture(admin, tokens.hold(admin, bystander, 2)).status()).isEqualTo(200);

            parked = ops().awaitDeadLetters(admin, "token-ledger", sequence, letters -> letters.size() == 2);
            assertThat(parked).extracting(l -> l.get("eventType").asText().replaceAll(".*\\.", ""))
                    .containsExactly("TokensHeld", "TokenHoldCaptured");
            assertThat(parked.get(0).get("causeMessage").asText()).contains(constraint);
            await().atMost(OpsApi.WAIT).untilAsserted(() -> assertThat(tokens.ledger(admin, bystander))
                    .extracting(line -> line.get("type").asText()).containsExactly("CAPTURE", "HOLD", "GRANT"));
            assertThat(tokens.ledger(admin, poisoned)).extracting(line -> line.get("type").asText())
                    .containsExactly("GRANT");
        } finally {
            jdbc.execute("ALTER TABLE token_ledger_entry DROP CONSTRAINT IF EXISTS " + constraint);
        }

        Response retried = ops().retry(admin, parked.get(0).get("id").asText());
        assertThat(retried.body().get("outcome").asText()).as("%s", retried).isEqualTo("DRAINED");
        assertThat(tokens.ledger(admin, poisoned)).extracting(line -> line.get("type").asText())
                .containsExactly("CAPTURE", "HOLD", "GRANT");
    }

    /** A new active mentor, once the mentor read model has applied everything stored so far. */
    private Person activeMentor(String who, String admin) {
        Person mentor = new BookingApi(api(), identity()).newMentor(who, admin, "Asia/Kolkata", 0);
        ops().awaitAtHead(admin, PROFILES);
        return mentor;
    }

    private void damageAvailability(UUID mentorId) {
        assertThat(jdbc.update("UPDATE mentor_profile SET dates = 'not json' WHERE user_id = ?", mentorId)).isOne();
    }

    private void repairAvailability(UUID mentorId) {
        assertThat(jdbc.update("UPDATE mentor_profile SET dates = '{}' WHERE user_id = ?", mentorId)).isOne();
    }

    private static Map<String, Object> profile(String headline) {
        Map<String, Object> profile = new java.util.LinkedHashMap<>(MentorApi.profile("Asia/Kolkata"));
        profile.put("headline", headline);
        return profile;
    }

}
