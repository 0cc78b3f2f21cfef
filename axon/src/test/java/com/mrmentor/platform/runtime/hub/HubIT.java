package com.mrmentor.platform.runtime.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.HubApi;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.HubApi.application;
import static com.mrmentor.platform.runtime.support.HubApi.find;
import static com.mrmentor.platform.runtime.support.HubApi.half;
import static com.mrmentor.platform.runtime.support.HubApi.values;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mentor hub over HTTP: applications through interview to acceptance, the administrator's override, capacity,
 * pairings, groups, two-sided session logs, the needs-support queue, cohort progress as JSON and CSV, and refused
 * input that records nothing.
 */
class HubIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private HubApi hub() {
        return new HubApi(api(), identity(), this::admin);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    // ---- applications ------------------------------------------------------------------------------------------

    @Test
    void aMenteeIsInvitedInterviewedAndAcceptedByTheMentorWhichPairsThem() {
        IdentityApi.Tokens mentor = hub().newActiveMentor("guide");
        IdentityApi.Tokens mentee = identity().newStudent("learner");

        Response applied = hub().apply(mentee.accessToken(), application(mentor.userId()));

        assertThat(applied.status()).as("%s", applied).isEqualTo(201);
        UUID applicationId = UUID.fromString(applied.body().get("applicationId").asText());
        assertThat(applied.body().get("status").asText()).isEqualTo("PENDING");
        assertThat(applied.header("Location")).isEqualTo("/api/hub/applications/" + applicationId);
        JsonNode toMentor = hub().awaitRead("/api/hub/mentors/me/applications", mentor.accessToken(),
                list -> find(list, "applicationId", applicationId) != null);
        JsonNode seen = find(toMentor, "applicationId", applicationId);
        assertThat(seen.get("goals").asText()).isEqualTo("Ship my first backend service");
        assertThat(seen.get("background").asText()).isEqualTo("Two years of QA");
        assertThat(values(seen.get("interests"), "")).hasSize(2);
        assertThat(seen.get("menteeName").asText()).isEqualTo("Learner Tester");
        assertThat(seen.get("status").asText()).isEqualTo("PENDING");

        hub().interview(mentor.accessToken(), applicationId);
        Response accepted = hub().move(mentor.accessToken(), applicationId, "ACCEPTED", null);

        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        String pairingId = accepted.body().get("pairingId").asText();
        JsonNode pairing = hub().awaitRead("/api/hub/me/pairing", mentee.accessToken(), p -> p.has("pairingId"));
        assertThat(pairing.get("pairingId").asText()).isEqualTo(pairingId);
        assertThat(pairing.get("mentorId").asText()).isEqualTo(mentor.userId().toString());
        assertThat(pairing.get("mentorName").asText()).isEqualTo("Guide Tester");
        assertThat(pairing.get("active").asBoolean()).isTrue();
        JsonNode circle = hub().awaitRead("/api/hub/mentors/me/mentees", mentor.accessToken(),
                c -> c.path("activeMentees").asInt() == 1);
        assertThat(circle.get("maxMentees").asInt()).isEqualTo(5);
        assertThat(circle.get("mentees").get(0).get("menteeId").asText()).isEqualTo(mentee.userId().toString());
        JsonNode mine = hub().awaitRead("/api/hub/applications/mine", mentee.accessToken(),
                list -> "ACCEPTED".equals(find(list, "applicationId", applicationId).path("status").asText()));
        assertThat(find(mine, "applicationId", applicationId).get("adminOverride").asBoolean()).isFalse();
    }

    @Test
    void theMentorCannotSkipAndNobodyLeavesAFinalStatus() {
        IdentityApi.Tokens mentor = hub().newActiveMentor("strict");
        IdentityApi.Tokens mentee = identity().newStudent("eager");
        UUID applicationId = hub().applyTo(mentee.accessToken(), mentor.userId());
        String admin = admin();

        assertProblem(hub().move(mentor.accessToken(), applicationId, "ACCEPTED", null), 409, "invalid-transition");
        assertProblem(hub().move(mentor.accessToken(), applicationId, "INTERVIEWED", null), 409,
                "invalid-transition");
        assertProblem(hub().move(mentor.accessToken(), applicationId, "REJECTED", null), 409, "invalid-transition");
        assertProblem(hub().move(mentor.accessToken(), applicationId, "PENDING", null), 409, "invalid-transition");
        hub().interview(mentor.accessToken(), applicationId);
        assertThat(hub().move(mentor.accessToken(), applicationId, "REJECTED", "not a fit yet").status())
                .isEqualTo(200);

        assertProblem(hub().move(mentor.accessToken(), applicationId, "ACCEPTED", null), 409, "application-decided");
        assertProblem(hub().move(admin, applicationId, "ACCEPTED", "override"), 409, "application-decided");
        JsonNode mine = hub().awaitRead("/api/hub/applications/mine", mentee.accessToken(),
                list -> "REJECTED".equals(find(list, "applicationId", applicationId).path("status").asText()));
        assertThat(find(mine, "applicationId", applicationId).get("lastReason").asText()).isEqualTo("not a fit yet");
        // rejected: the mentee may apply again
        assertThat(hub().apply(mentee.accessToken(), application(mentor.userId())).status()).isEqualTo(201);
    }

    @Test
    void onlyTheApplicationsMentorDecidesUnlessAnAdministratorOverridesWithAReason() {
        IdentityApi.Tokens mentor = hub().newActiveMentor("owner");
        IdentityApi.Tokens otherMentor = hub().newActiveMentor("neighbour");
        IdentityApi.Tokens mentee = identity().newStudent("candidate");
        UUID applicationId = hub().applyTo(mentee.accessToken(), mentor.userId());
        String admin = admin();

        assertProblem(hub().move(otherMentor.accessToken(), applicationId, "INVITED_FOR_INTERVIEW", null), 403,
                "not-your-application");
        assertProblem(hub().move(mentee.accessToken(), applicationId, "INVITED_FOR_INTERVIEW", null), 403,
                "forbidden");
        assertProblem(hub().move(null, applicationId, "INVITED_FOR_INTERVIEW", null), 401, "unauthenticated");
        assertProblem(hub().move(admin, applicationId, "ACCEPTED", " "), 422, "missing-reason");
        assertProblem(hub().move(mentor.accessToken(), UUID.randomUUID(), "INVITED_FOR_INTERVIEW", null), 404,
                "application-not-found");
        assertProblem(hub().move(mentor.accessToken(), applicationId, "HIRED", null), 400, "validation");
        assertProblem(api().post("/api/hub/applications/" + applicationId + "/status", mentor.accessToken(),
                json("reason", "no status")), 400, "validation");

        Response overridden = hub().move(admin, applicationId, "ACCEPTED", "mentor asked us to fast-track");

        assertThat(overridden.status()).as("%s", overridden).isEqualTo(200);
        JsonNode all = hub().awaitRead("/api/hub/admin/applications?mentorId=" + mentor.userId(), admin,
                list -> "ACCEPTED".equals(find(list, "applicationId", applicationId).path("status").asText()));
        JsonNode decided = find(all, "applicationId", applicationId);
        assertThat(decided.get("adminOverride").asBoolean()).isTrue();
        assertThat(decided.get("lastReason").asText()).isEqualTo("mentor asked us to fast-track");
        assertThat(decided.get("lastChangedBy").asText()).isNotEqualTo(mentor.userId().toString());
        hub().awaitRead("/api/hub/me/pairing", mentee.accessToken(),
                p -> p.path("mentorId").asText().equals(mentor.userId().toString()));
        assertProblem(api().get("/api/hub/admin/applications", mentor.accessToken()), 403, "forbidden");
    }

    @Test
    void refusedApplicationsRecordNothing() {
        IdentityApi.Tokens mentor = hub().newActiveMentor("picky");
        IdentityApi.Tokens mentee = identity().newStudent("sloppy");
        IdentityApi.Tokens notAMentor = identity().newStudent("plain");
        String token = mentee.accessToken();

        assertProblem(hub().apply(token, "{\"mentorId\": "), 400, "malformed-request");
        assertProblem(hub().apply(token, with(application(mentor.userId()), "goals", " ")), 400, "validation");
        assertProblem(hub().apply(token, with(application(mentor.userId()), "track", null)), 400, "validation");
        assertProblem(hub().apply(token, with(application(mentor.userId()), "mentorId", "someone")), 400,
                "validation");
        assertProblem(hub().apply(token, with(application(mentor.userId()), "interests", "Java")), 400,
                "validation");
        assertProblem(hub().apply(token, with(application(mentor.userId()), "menteeId", UUID.randomUUID())), 400,
                "validation");
        assertProblem(hub().apply(token, application(UUID.randomUUID())), 404, "mentor-not-found");
        assertProblem(hub().apply(token, application(notAMentor.userId())), 404, "mentor-not-found");
        assertProblem(hub().apply(mentor.accessToken(), application(mentor.userId())), 422, "cannot-apply-to-self");
        assertProblem(hub().apply(null, application(mentor.userId())), 401, "unauthenticated");

        UUID first = hub().applyTo(token, mentor.userId());
        assertProblem(hub().apply(token, application(mentor.userId())), 409, "application-already-open");

        JsonNode mine = hub().awaitRead("/api/hub/applications/mine", token, list -> list.size() == 1);
        assertThat(mine.get(0).get("applicationId").asText()).isEqualTo(first.toString());
        assertThat(mine.get(0).get("menteeId").asText()).isEqualTo(mentee.userId().toString());
    }

    @Test
    void aRetriedApplicationWithTheSameIdempotencyKeyActsOnce() {
        IdentityApi.Tokens mentor = hub().newActiveMentor("patient");
        IdentityApi.Tokens mentee = identity().newStudent("retrying");
        Map<String, String> key = Map.of("Idempotency-Key", "hub-apply-" + UUID.randomUUID());

        Response first = api().post("/api/hub/applications", mentee.accessToken(), application(mentor.userId()), key);
        Response again = api().post("/api/hub/applications", mentee.accessToken(), application(mentor.userId()), key);
        Response other = api().post("/api/hub/applications", mentee.accessToken(),
                with(application(mentor.userId()), "goals", "Something else"), key);

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(again.body().get("applicationId")).isEqualTo(first.body().get("applicationId"));
        assertProblem(other, 409, "idempotency-key-reused");
        JsonNode mine = hub().awaitRead("/api/hub/applications/mine", mentee.accessToken(), list -> list.size() == 1);
        assertThat(mine.get(0).get("goals").asText()).isEqualTo("Ship my first backend service");
    }

    @Test
    void goalsAndBackgroundAreEncryptedInTheEventStore() {
        IdentityApi.Tokens mentor = hub().newActiveMentor("discreet");
        IdentityApi.Tokens mentee = identity().newStudent("private-mentee");
        String goals = "Confidential goal " + UUID.randomUUID();
        assertThat(hub().apply(mentee.accessToken(), with(application(mentor.userId()), "goals", goals)).status())
                .isEqualTo(201);

        List<String> payloads = jdbc.query("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?",
                (rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8), "hub-circle:" + mentor.userId());

        assertThat(payloads).hasSize(1);
        assertThat(payloads.get(0)).doesNotContain(goals).doesNotContain("Two years of QA").contains("pii:v1:")
                .contains("\"track\":\"tech\"");
        JsonNode mine = hub().awaitRead("/api/hub/applications/mine", mentee.accessToken(), list -> list.size() == 1);
        assertThat(mine.get(0).get("goals").asText()).isEqualTo(goals);
    }

    // ---- capacity and pairings ---------------------------------------------------------------------------------

    @Test
    void theMentorsCapacityRefusesAcceptancesUntilAPairingEnds() {
        IdentityApi.Tokens mentor = hub().newActiveMentor("busy");
        IdentityApi.Tokens first = identity().newStudent("first");
        IdentityApi.Tokens second = identity().newStudent("second");
        IdentityApi.Tokens stranger = identity().newStudent("nosy");
        assertProblem(hub().setCapacity(mentor.accessToken(), 0), 422, "invalid-capacity");
        assertProblem(hub().setCapacity(mentor.accessToken(), 101), 422, "invalid-capacity");
        assertProblem(hub().setCapacity(mentor.accessToken(), "one"), 400, "validation");
        assertProblem(hub().setCapacity(first.accessToken(), 3), 403, "forbidden");
        assertThat(hub().setCapacity(mentor.accessToken(), 1).status()).isEqualTo(204);
        UUID firstApplication = hub().applyTo(first.accessToken(), mentor.userId());
        UUID secondApplication = hub().applyTo(second.accessToken(), mentor.userId());
        UUID pairing = hub().pair(mentor.accessToken(), firstApplication);
        hub().interview(mentor.accessToken(), secondApplication);

        assertProblem(hub().move(mentor.accessToken(), secondApplication, "ACCEPTED", null), 409,
                "mentor-at-capacity");
        assertProblem(hub().move(admin(), secondApplication, "ACCEPTED", "make room"), 409, "mentor-at-capacity");

        assertProblem(hub().end(stranger.accessToken(), pairing, null), 403, "not-in-pairing");
        assertProblem(hub().end(first.accessToken(), UUID.randomUUID(), null), 404, "pairing-not-found");
        assertThat(hub().end(first.accessToken(), pairing, "finished my goals").status()).isEqualTo(204);
        assertProblem(hub().end(mentor.accessToken(), pairing, null), 409, "pairing-ended");

        Response accepted = hub().move(mentor.accessToken(), secondApplication, "ACCEPTED", null);

        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        JsonNode circle = hub().awaitRead("/api/hub/mentors/me/mentees", mentor.accessToken(),
                c -> c.path("activeMentees").asInt() == 1
                        && c.path("mentees").get(0).path("menteeId").asText().equals(second.userId().toString()));
        assertThat(circle.get("maxMentees").asInt()).isEqualTo(1);
        assertThat(hub().setCapacity(mentor.accessToken(), 1).status()).isEqualTo(204);
        assertProblem(api().get("/api/hub/me/pairing", first.accessToken()), 404, "not-found");
    }

    @Test
    void aMenteeHasOneMentorAtATime() {
        IdentityApi.Tokens mentor = hub().newActiveMentor("primary");
        IdentityApi.Tokens otherMentor = hub().newActiveMentor("secondary");
        IdentityApi.Tokens mentee = identity().newStudent("popular");
        UUID toOther = hub().applyTo(mentee.accessToken(), otherMentor.userId());
        hub().pair(mentor.accessToken(), hub().applyTo(mentee.accessToken(), mentor.userId()));
        hub().interview(otherMentor.accessToken(), toOther);

        assertProblem(hub().move(otherMentor.accessToken(), toOther, "ACCEPTED", null), 409,
                "mentee-already-paired");
        assertProblem(hub().apply(mentee.accessToken(), application(mentor.userId())), 409, "mentee-already-paired");
    }

    // ---- groups ------------------------------------------------------------------------------------------------

    @Test
    void pairedMenteesJoinTheirMentorsGroupsUpToItsSize() {
        IdentityApi.Tokens mentor = hub().newActiveMentor("host");
        IdentityApi.Tokens otherMentor = hub().newActiveMentor("rival");
        IdentityApi.Tokens first = identity().newStudent("member-one");
        IdentityApi.Tokens second = identity().newStudent("member-two");
        IdentityApi.Tokens outsider = identity().newStudent("outsider");
        String admin = admin();
        UUID firstPairing = hub().pair(mentor.accessToken(), hub().applyTo(first.accessToken(), mentor.userId()));
        hub().pair(mentor.accessToken(), hub().applyTo(second.accessToken(), mentor.userId()));
        String cohort = "T" + (System.nanoTime() % 1_000_000);

        assertProblem(hub().createGroup(otherMentor.accessToken(), mentor.userId(), "Hijack", cohort, 2), 403,
                "not-your-circle");
        assertProblem(hub().createGroup(first.accessToken(), mentor.userId(), "Mine", cohort, 2), 403, "forbidden");
        assertProblem(hub().createGroup(admin, mentor.userId(), "Huge", cohort, 51), 422, "invalid-group-size");
        assertProblem(hub().createGroup(admin, mentor.userId(), " ", cohort, 2), 400, "validation");
        assertProblem(hub().createGroup(admin, UUID.randomUUID(), "Nobody's", cohort, 2), 404, "mentor-not-found");
        UUID byAdmin = hub().group(admin, mentor.userId(), cohort, 1);
        UUID byMentor = hub().group(mentor.accessToken(), mentor.userId(), cohort, 5);

        assertProblem(hub().join(outsider.accessToken(), byAdmin), 403, "not-paired-with-mentor");
        assertProblem(hub().join(first.accessToken(), UUID.randomUUID()), 404, "group-not-found");
        assertThat(hub().join(first.accessToken(), byAdmin).status()).isEqualTo(204);
        assertProblem(hub().join(first.accessToken(), byAdmin), 409, "already-in-group");
        assertProblem(hub().join(second.accessToken(), byAdmin), 409, "group-full");
        assertThat(hub().join(second.accessToken(), byMentor).status()).isEqualTo(204);
        assertThat(hub().join(first.accessToken(), byMentor).status()).isEqualTo(204);

        JsonNode asMentor = hub().awaitRead("/api/hub/groups?cohort=" + cohort, mentor.accessToken(),
                list -> list.size() == 2 && find(list, "groupId", byMentor).path("memberCount").asInt() == 2);
        assertThat(find(asMentor, "groupId", byAdmin).get("members").get(0).get("name").asText())
                .isEqualTo("Member-one Tester");
        JsonNode asOutsider = api().get("/api/hub/groups/" + byAdmin, outsider.accessToken()).body();
        assertThat(asOutsider.get("memberCount").asInt()).isEqualTo(1);
        assertThat(asOutsider.get("members").isNull()).isTrue();
        assertThat(asOutsider.get("cohort").asText()).isEqualTo(cohort);

        assertThat(hub().leave(second.accessToken(), byMentor).status()).isEqualTo(204);
        assertProblem(hub().leave(second.accessToken(), byMentor), 409, "not-in-group");
        // ending the pairing ends the mentee's memberships in the mentor's groups
        assertThat(hub().end(mentor.accessToken(), firstPairing, "graduated").status()).isEqualTo(204);
        hub().awaitRead("/api/hub/groups?mentorId=" + mentor.userId(), admin,
                list -> find(list, "groupId", byAdmin).path("memberCount").asInt() == 0
                        && find(list, "groupId", byMentor).path("memberCount").asInt() == 0);
        assertProblem(hub().join(first.accessToken(), byAdmin), 403, "not-paired-with-mentor");
        assertProblem(api().get("/api/hub/groups/" + UUID.randomUUID(), outsider.accessToken()), 404, "not-found");
    }

    // ---- session logs and support ------------------------------------------------------------------------------

    @Test
    void eachSideLogsItsOwnHalfAndTheLogCompletesWhenBothAreIn() {
        IdentityApi.Tokens mentor = hub().newActiveMentor("logger");
        IdentityApi.Tokens mentee = identity().newStudent("logged");
        IdentityApi.Tokens stranger = identity().newStudent("intruder");
        UUID pairing = hub().pair(mentor.accessToken(), hub().applyTo(mentee.accessToken(), mentor.userId()));
        LocalDate date = today().minusDays(2);

        hub().logHalf(mentor.accessToken(), pairing, date, "Code review", 4);

        JsonNode menteeView = hub().awaitRead("/api/hub/me/logs", mentee.accessToken(),
                logs -> logs.size() == 1 && logs.get(0).path("otherHalfSubmitted").asBoolean());
        assertThat(menteeView.get(0).get("side").asText()).isEqualTo("MENTEE");
        assertThat(menteeView.get(0).get("mine").isNull()).isTrue();
        assertThat(menteeView.get(0).get("completed").asBoolean()).isFalse();
        assertThat(menteeView.toString()).doesNotContain("Code review");

        hub().logHalf(mentee.accessToken(), pairing, date, "Reviewing my pull request", 5);

        JsonNode completed = hub().awaitRead("/api/hub/me/logs", mentor.accessToken(),
                logs -> logs.size() == 1 && logs.get(0).path("completed").asBoolean());
        assertThat(completed.get(0).get("side").asText()).isEqualTo("MENTOR");
        assertThat(completed.get(0).get("mine").get("topic").asText()).isEqualTo("Code review");
        assertThat(completed.get(0).get("mine").get("score").asInt()).isEqualTo(4);

        // a side corrects its own half; the other half stays as its author wrote it
        hub().logHalf(mentor.accessToken(), pairing, date, "Code review and testing", 3);
        hub().awaitRead("/api/hub/me/logs", mentor.accessToken(),
                logs -> logs.get(0).path("mine").path("score").asInt() == 3);
        JsonNode menteeHalf = api().get("/api/hub/me/logs", mentee.accessToken()).body().get(0).get("mine");
        assertThat(menteeHalf.get("topic").asText()).isEqualTo("Reviewing my pull request");
        assertThat(menteeHalf.get("score").asInt()).isEqualTo(5);

        assertProblem(hub().log(stranger.accessToken(), pairing, date, half("Sneaky", 1, false, null)), 403,
                "not-in-pairing");
        assertProblem(hub().log(mentor.accessToken(), UUID.randomUUID(), date, half("Lost", 3, false, null)), 404,
                "pairing-not-found");
        assertProblem(hub().log(mentor.accessToken(), pairing, date, half("Too good", 6, false, null)), 400,
                "validation");
        assertProblem(hub().log(mentor.accessToken(), pairing, date, half("Too bad", 0, false, null)), 400,
                "validation");
        assertProblem(hub().log(mentor.accessToken(), pairing, date, json("topic", "No score")), 400, "validation");
        assertProblem(hub().log(mentor.accessToken(), pairing, date, json("topic", "x", "score", "five")), 400,
                "validation");
        assertProblem(hub().log(mentor.accessToken(), pairing, date, half("Help", 2, true, " ")), 422,
                "missing-support-reason");
        assertProblem(hub().log(mentor.accessToken(), pairing, today().plusDays(5), half("Later", 3, false, null)),
                422, "invalid-session-date");
        assertProblem(api().put("/api/hub/pairings/" + pairing + "/logs/yesterday", mentor.accessToken(),
                half("When", 3, false, null)), 400, "validation");
        assertProblem(hub().log(null, pairing, date, half("Anon", 3, false, null)), 401, "unauthenticated");

        // nothing refused reached the read model: still one log, the mentor's half as corrected
        JsonNode after = api().get("/api/hub/me/logs", mentor.accessToken()).body();
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("mine").get("topic").asText()).isEqualTo("Code review and testing");
        assertThat(hub().end(mentee.accessToken(), pairing, null).status()).isEqualTo(204);
        assertProblem(hub().log(mentor.accessToken(), pairing, date, half("After", 3, false, null)), 409,
                "pairing-ended");
    }

    @Test
    void needsSupportFeedsTheAdministratorsQueueNewestFirstUntilResolved() {
        IdentityApi.Tokens mentor = hub().newActiveMentor("worried");
        IdentityApi.Tokens mentee = identity().newStudent("struggling");
        UUID pairing = hub().pair(mentor.accessToken(), hub().applyTo(mentee.accessToken(), mentor.userId()));
        String admin = admin();
        String menteeReason = "My mentor missed two sessions " + UUID.randomUUID();
        String mentorReason = "Mentee seems overwhelmed " + UUID.randomUUID();

        assertThat(hub().log(mentee.accessToken(), pairing, today().minusDays(3),
                half("Career planning", 2, true, menteeReason)).status()).isEqualTo(204);
        JsonNode queue = hub().awaitRead("/api/hub/admin/support-requests", admin,
                list -> find(list, "reason", menteeReason) != null);
        assertThat(hub().log(mentor.accessToken(), pairing, today().minusDays(1),
                half("Interview practice", 3, true, mentorReason)).status()).isEqualTo(204);
        queue = hub().awaitRead("/api/hub/admin/support-requests", admin,
                list -> find(list, "reason", mentorReason) != null);

        List<String> reasons = values(queue, "reason");
        assertThat(reasons.indexOf(mentorReason)).isLessThan(reasons.indexOf(menteeReason));
        JsonNode item = find(queue, "reason", menteeReason);
        assertThat(item.get("side").asText()).isEqualTo("MENTEE");
        assertThat(item.get("menteeName").asText()).isEqualTo("Struggling Tester");
        assertThat(item.get("mentorName").asText()).isEqualTo("Worried Tester");
        assertThat(item.get("sessionDate").asText()).isEqualTo(today().minusDays(3).toString());
        assertThat(item.get("resolvedAt").isNull()).isTrue();
        UUID requestId = UUID.fromString(item.get("supportRequestId").asText());

        // the same flagged half again raises nothing new
        assertThat(hub().log(mentee.accessToken(), pairing, today().minusDays(3),
                half("Career planning", 2, true, menteeReason)).status()).isEqualTo(204);
        assertProblem(api().get("/api/hub/admin/support-requests", mentor.accessToken()), 403, "forbidden");
        assertProblem(hub().resolve(mentor.accessToken(), requestId, null), 403, "forbidden");
        assertProblem(hub().resolve(admin, UUID.randomUUID(), null), 404, "support-request-not-found");

        assertThat(hub().resolve(admin, requestId, "Called the mentor").status()).isEqualTo(204);

        assertProblem(hub().resolve(admin, requestId, null), 409, "support-request-resolved");
        JsonNode resolved = hub().awaitRead("/api/hub/admin/support-requests?status=RESOLVED", admin,
                list -> find(list, "supportRequestId", requestId) != null);
        assertThat(find(resolved, "supportRequestId", requestId).get("resolutionNote").asText())
                .isEqualTo("Called the mentor");
        JsonNode open = api().get("/api/hub/admin/support-requests?status=OPEN&size=200", admin).body();
        assertThat(find(open, "supportRequestId", requestId)).isNull();
        assertThat(find(open, "reason", mentorReason)).isNotNull();
        assertThat(values(api().get("/api/hub/admin/support-requests?status=ALL&size=200", admin).body(), "reason"))
                .contains(menteeReason, mentorReason)
                .filteredOn(menteeReason::equals).hasSize(1);
        assertProblem(api().get("/api/hub/admin/support-requests?status=SOME", admin), 400, "validation");
    }

    // ---- cohort progress ---------------------------------------------------------------------------------------

    @Test
    void cohortProgressCountsLogsAveragesScoresAndFlagsQuietPairsAsJsonAndCsv() {
        IdentityApi.Tokens mentor = hub().newActiveMentor("coach");
        String quietEmail = IdentityApi.newEmail("quiet");
        identity().signUpAndVerify(quietEmail, IdentityApi.PASSWORD, "=Quiet, \"Q\" Tester");
        IdentityApi.Tokens quiet = identity().login(quietEmail, IdentityApi.PASSWORD);
        IdentityApi.Tokens busy = identity().newStudent("busy-mentee");
        IdentityApi.Tokens elsewhere = identity().newStudent("elsewhere");
        String admin = admin();
        UUID quietPairing = hub().pair(mentor.accessToken(), hub().applyTo(quiet.accessToken(), mentor.userId()));
        UUID busyPairing = hub().pair(mentor.accessToken(), hub().applyTo(busy.accessToken(), mentor.userId()));
        hub().pair(mentor.accessToken(), hub().applyTo(elsewhere.accessToken(), mentor.userId()));
        String cohort = "C" + (System.nanoTime() % 1_000_000);
        UUID group = hub().group(admin, mentor.userId(), cohort, 5);
        assertThat(hub().join(quiet.accessToken(), group).status()).isEqualTo(204);
        assertThat(hub().join(busy.accessToken(), group).status()).isEqualTo(204);
        hub().logHalf(mentor.accessToken(), quietPairing, today().minusDays(20), "Goals", 4);
        hub().logHalf(quiet.accessToken(), quietPairing, today().minusDays(20), "Goals", 5);
        hub().logHalf(mentor.accessToken(), quietPairing, today().minusDays(16), "Follow-up", 3);
        hub().logHalf(busy.accessToken(), busyPairing, today(), "Kick-off", 2);

        JsonNode progress = hub().awaitRead("/api/hub/admin/progress?cohort=" + cohort, admin,
                list -> list.size() == 2 && find(list, "pairingId", quietPairing).path("sessionsLogged").asInt() == 2
                        && find(list, "pairingId", busyPairing).path("sessionsLogged").asInt() == 1);

        JsonNode quietRow = find(progress, "pairingId", quietPairing);
        assertThat(values(quietRow.get("cohorts"), "")).hasSize(1);
        assertThat(quietRow.get("cohorts").get(0).asText()).isEqualTo(cohort);
        assertThat(quietRow.get("completedLogs").asInt()).isEqualTo(1);
        assertThat(quietRow.get("averageMentorScore").asDouble()).isEqualTo(3.5);
        assertThat(quietRow.get("averageMenteeScore").asDouble()).isEqualTo(5.0);
        assertThat(quietRow.get("lastSessionDate").asText()).isEqualTo(today().minusDays(16).toString());
        assertThat(quietRow.get("noRecentSession").asBoolean()).isTrue();
        JsonNode busyRow = find(progress, "pairingId", busyPairing);
        assertThat(busyRow.get("completedLogs").asInt()).isZero();
        assertThat(busyRow.get("averageMentorScore").isNull()).isTrue();
        assertThat(busyRow.get("averageMenteeScore").asDouble()).isEqualTo(2.0);
        assertThat(busyRow.get("noRecentSession").asBoolean()).isFalse();
        assertThat(api().get("/api/hub/admin/progress?mentorId=" + mentor.userId(), admin).body()).hasSize(3);
        assertThat(api().get("/api/hub/admin/progress?cohort=none-" + cohort, admin).body()).isEmpty();

        Response csv = api().get("/api/hub/admin/progress.csv?cohort=" + cohort, admin);

        assertThat(csv.status()).as("%s", csv).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("cohort-progress.csv");
        String[] lines = csv.rawBody().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("pairing_id,cohorts,mentor_id,mentor_name,mentee_id,mentee_name,paired_at,"
                + "active,sessions_logged,completed_logs,average_mentor_score,average_mentee_score,"
                + "last_session_date,no_recent_session");
        String quietLine = List.of(lines).stream().filter(l -> l.startsWith(quietPairing.toString())).findFirst()
                .orElseThrow();
        assertThat(quietLine).contains(",\"'=Quiet, \"\"Q\"\" Tester\",")
                .endsWith(",true,2,1,3.5,5.0," + today().minusDays(16) + ",true");
        assertProblem(api().get("/api/hub/admin/progress.csv", mentor.accessToken()), 403, "forbidden");
        assertProblem(api().get("/api/hub/admin/progress?mentorId=nobody", admin), 400, "validation");
    }

    /** {@code body} with {@code keysAndValues} replaced (null values kept). */
    private static Map<String, Object> with(Map<String, Object> body, Object... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }
}
