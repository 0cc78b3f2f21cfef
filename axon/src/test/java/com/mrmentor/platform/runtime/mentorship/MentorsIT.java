package com.mrmentor.platform.runtime.mentorship;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.MentorApi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static com.mrmentor.platform.runtime.support.MentorApi.everyDay;
import static com.mrmentor.platform.runtime.support.MentorApi.profile;
import static com.mrmentor.platform.runtime.support.MentorApi.starts;
import static com.mrmentor.platform.runtime.support.MentorApi.weekly;
import static com.mrmentor.platform.runtime.support.MentorApi.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mentors over HTTP: applying, the administrator's decision (which grants the MENTOR role), who sees a profile,
 * suspension, availability and the free slots it gives, in the mentor's zone.
 */
class MentorsIT extends IntegrationTest {

    private static final String BERLIN = "Europe/Berlin";
    private static final String SYDNEY = "Australia/Sydney";

    private MentorApi mentors() {
        return new MentorApi(api());
    }

    // ---- applying and deciding -----------------------------------------------------------------------------------

    @Test
    void anApprovedApplicantBecomesAMentorAndSetsTheirAvailability() {
        IdentityApi.Tokens student = identity().newStudent("applicant");
        String admin = admin();

        Response applied = mentors().applyRequest(student.accessToken(), profile(BERLIN));

        assertThat(applied.status()).as("%s", applied).isEqualTo(201);
        assertThat(applied.body().get("userId").asText()).isEqualTo(student.userId().toString());
        assertThat(applied.body().get("status").asText()).isEqualTo("APPLIED");
        assertThat(applied.header("Location")).isEqualTo("/api/mentors/applications/" + student.userId());
        await("the application in the queue").atMost(MentorApi.READ_MODEL_WAIT).untilAsserted(() -> {
            Response queue = mentors().applications(admin, "APPLIED");
            assertThat(queue.status()).isEqualTo(200);
            assertThat(ids(queue.body())).contains(student.userId().toString());
        });
        JsonNode application = mentors().awaitStatus(admin, student.userId(), "APPLIED");
        assertThat(application.get("headline").asText()).isEqualTo("Backend engineer");
        assertThat(application.get("timeZone").asText()).isEqualTo(BERLIN);
        assertThat(application.get("pricePerSession").asInt()).isEqualTo(2);
        assertThat(application.get("name").asText()).isEqualTo("Applicant Tester");
        assertProblem(mentors().setWeekly(student.accessToken(), everyDay("09:00", "10:00"), 0), 403, "forbidden");

        Response approved = mentors().approve(admin, student.userId());

        assertThat(approved.status()).as("%s", approved).isEqualTo(204);
        await("the MENTOR role").atMost(MentorApi.READ_MODEL_WAIT).untilAsserted(() ->
                assertThat(roles(student.accessToken())).containsExactlyInAnyOrder("STUDENT", "MENTOR"));
        JsonNode active = mentors().awaitStatus(admin, student.userId(), "ACTIVE");
        assertThat(active.get("decidedAt").isNull()).isFalse();
        await("the application leaves the queue").atMost(MentorApi.READ_MODEL_WAIT).untilAsserted(() ->
                assertThat(ids(mentors().applications(admin, "APPLIED").body()))
                        .doesNotContain(student.userId().toString()));

        Response availability = mentors().setWeekly(student.accessToken(),
                List.of(weekly("TUESDAY", "14:00", "16:00"), weekly("MONDAY", "09:00", "11:00")), 10);

        assertThat(availability.status()).as("%s", availability).isEqualTo(204);
        JsonNode withAvailability = mentors().awaitMentor(null, student.userId(),
                view -> view.path("weekly").size() == 2);
        assertThat(withAvailability.get("bufferMinutes").asInt()).isEqualTo(10);
        assertThat(withAvailability.get("weekly").get(0).get("day").asText()).isEqualTo("MONDAY");
        assertThat(withAvailability.get("weekly").get(1).get("day").asText()).isEqualTo("TUESDAY");
        assertProblem(mentors().approve(admin, student.userId()), 409, "no-open-mentor-application");
        assertProblem(mentors().applyRequest(student.accessToken(), profile(BERLIN)), 409, "already-mentor");
    }

    @Test
    void onlyAnAdministratorDecidesAnApplication() {
        IdentityApi.Tokens applicant = identity().newStudent("hopeful");
        IdentityApi.Tokens other = identity().newStudent("bystander");
        mentors().apply(applicant.accessToken(), BERLIN);

        assertProblem(mentors().approve(other.accessToken(), applicant.userId()), 403, "forbidden");
        assertProblem(mentors().approve(applicant.accessToken(), applicant.userId()), 403, "forbidden");
        assertProblem(mentors().reject(other.accessToken(), applicant.userId(), "no"), 403, "forbidden");
        assertProblem(mentors().approve(null, applicant.userId()), 401, "unauthenticated");
        assertProblem(mentors().applications(applicant.accessToken(), "APPLIED"), 403, "forbidden");

        mentors().awaitStatus(admin(), applicant.userId(), "APPLIED");
        assertThat(roles(applicant.accessToken())).containsExactly("STUDENT");
    }

    @Test
    void anAdministratorCannotDecideTheirOwnApplication() {
        String admin = admin();
        IdentityApi.Account account = identity().newAccountByInvitation(admin, "self-mentor", "ADMIN");
        IdentityApi.Tokens self = identity().login(account.email(), account.password());
        mentors().apply(self.accessToken(), BERLIN);

        assertProblem(mentors().approve(self.accessToken(), self.userId()), 403, "self-approval");
        assertProblem(mentors().reject(self.accessToken(), self.userId(), "never mind"), 403, "self-approval");

        assertThat(roles(self.accessToken())).containsExactly("ADMIN");
        mentors().awaitStatus(self.accessToken(), self.userId(), "APPLIED");
        assertThat(mentors().approve(admin, self.userId()).status()).isEqualTo(204);
        mentors().awaitStatus(self.accessToken(), self.userId(), "ACTIVE");
        await("the MENTOR role").atMost(MentorApi.READ_MODEL_WAIT).untilAsserted(() ->
                assertThat(roles(self.accessToken())).containsExactlyInAnyOrder("ADMIN", "MENTOR"));
    }

    @Test
    void aRejectedApplicantMayApplyAgain() {
        IdentityApi.Tokens applicant = identity().newStudent("retry");
        String admin = admin();
        mentors().apply(applicant.accessToken(), BERLIN);
        assertProblem(mentors().applyRequest(applicant.accessToken(), profile(BERLIN)), 409,
                "mentor-application-pending");
        assertProblem(mentors().reject(admin, applicant.userId(), " "), 400, "validation");

        Response rejected = mentors().reject(admin, applicant.userId(), "Tell us more about your experience");

        assertThat(rejected.status()).as("%s", rejected).isEqualTo(204);
        JsonNode view = mentors().awaitStatus(applicant.accessToken(), applicant.userId(), "REJECTED");
        assertThat(view.get("rejectionReason").asText()).isEqualTo("Tell us more about your experience");
        assertProblem(mentors().approve(admin, applicant.userId()), 409, "no-open-mentor-application");
        assertProblem(mentors().mentor(null, applicant.userId()), 404, "not-found");
        assertThat(roles(applicant.accessToken())).containsExactly("STUDENT");

        Map<String, Object> second = profile(BERLIN);
        second.put("headline", "Backend engineer and team lead");
        Response again = mentors().applyRequest(applicant.accessToken(), second);

        assertThat(again.status()).as("%s", again).isEqualTo(201);
        JsonNode reapplied = mentors().awaitStatus(applicant.accessToken(), applicant.userId(), "APPLIED");
        assertThat(reapplied.get("headline").asText()).isEqualTo("Backend engineer and team lead");
        assertThat(reapplied.get("rejectionReason").isNull()).isTrue();
        assertThat(mentors().approve(admin, applicant.userId()).status()).isEqualTo(204);
        mentors().awaitStatus(null, applicant.userId(), "ACTIVE");
    }

    @Test
    void invalidApplicationsAreRefusedAndRecordNothing() {
        IdentityApi.Tokens applicant = identity().newStudent("careless");
        String token = applicant.accessToken();

        assertProblem(mentors().applyRequest(token, with(profile(BERLIN), "headline", " ")), 400, "validation");
        assertProblem(mentors().applyRequest(token, with(profile(BERLIN), "bio", null)), 400, "validation");
        assertProblem(mentors().applyRequest(token, with(profile(BERLIN), "expertise", List.of())), 400,
                "validation");
        assertProblem(mentors().applyRequest(token, with(profile(BERLIN), "languages", null)), 400, "validation");
        assertProblem(mentors().applyRequest(token, with(profile(BERLIN), "pricePerSession", 0)), 400,
                "validation");
        assertProblem(mentors().applyRequest(token, with(profile(BERLIN), "pricePerSession", "a lot")), 400,
                "validation");
        assertProblem(mentors().applyRequest(token, with(profile(BERLIN), "unknownField", 1)), 400, "validation");
        assertProblem(mentors().applyRequest(token, "{\"headline\": "), 400, "malformed-request");
        assertProblem(mentors().applyRequest(token, with(profile(BERLIN), "pricePerSession", 101)), 422,
                "invalid-price");
        assertProblem(mentors().applyRequest(token, profile("Mars/Olympus_Mons")), 422, "invalid-time-zone");
        assertProblem(mentors().applyRequest(token, with(profile(BERLIN), "expertise", List.of("Java"),
                "languages", List.of(" "))), 400, "validation");
        assertProblem(mentors().applyRequest(null, profile(BERLIN)), 401, "unauthenticated");

        assertProblem(mentors().mentor(token, applicant.userId()), 404, "not-found");
        assertProblem(mentors().mentor(admin(), applicant.userId()), 404, "not-found");
        assertThat(mentors().applyRequest(token, with(profile(BERLIN), "pricePerSession", null)).status())
                .isEqualTo(201);
        JsonNode view = mentors().awaitStatus(token, applicant.userId(), "APPLIED");
        assertThat(view.get("pricePerSession").asInt()).isEqualTo(1);
    }

    @Test
    void invalidAvailabilityIsRefusedAndChangesNothing() {
        IdentityApi.Tokens mentor = newActiveMentor("precise", BERLIN);
        String token = mentor.accessToken();
        assertThat(mentors().setWeekly(token, List.of(weekly("MONDAY", "09:00", "10:00")), 5).status())
                .isEqualTo(204);
        mentors().awaitMentor(token, mentor.userId(), view -> view.path("weekly").size() == 1);

        assertProblem(mentors().setWeekly(token, List.of(weekly("MONDAY", "09:00", "12:00")), 61), 422,
                "invalid-buffer");
        assertProblem(mentors().setWeekly(token, List.of(weekly("MONDAY", "09:00", "11:00"),
                weekly("MONDAY", "10:30", "12:00")), 0), 422, "invalid-window");
        assertProblem(mentors().setWeekly(token, List.of(weekly("MONDAY", "11:00", "10:00")), 0), 422,
                "invalid-window");
        assertProblem(mentors().setWeekly(token, List.of(weekly("MONDAY", "09:00", "09:20")), 0), 422,
                "invalid-window");
        assertProblem(mentors().setWeekly(token, List.of(weekly("FUNDAY", "09:00", "10:00")), 0), 400,
                "validation");
        assertProblem(mentors().setWeekly(token, List.of(weekly("MONDAY", "9 am", "10:00")), 0), 400,
                "validation");
        assertProblem(mentors().setWeekly(token, List.of(json("day", "MONDAY", "start", "09:00")), 0), 400,
                "validation");
        assertProblem(api().put("/api/mentors/me/availability", token, json("bufferMinutes", 0)), 400,
                "validation");
        assertProblem(mentors().setDate(token, LocalDate.now().plusDays(5), List.of(window("09:00", "11:00"),
                window("10:00", "12:00"))), 422, "invalid-window");
        assertProblem(api().put("/api/mentors/me/availability/dates/2026-13-01", token,
                json("windows", List.of())), 400, "validation");

        // a change that is accepted afterwards is the next the read model shows: nothing refused slipped in before
        assertThat(mentors().setWeekly(token, List.of(weekly("MONDAY", "09:00", "10:00"),
                weekly("FRIDAY", "09:00", "10:00")), 5).status()).isEqualTo(204);
        JsonNode view = mentors().awaitMentor(token, mentor.userId(), v -> v.path("weekly").size() == 2);
        assertThat(view.get("bufferMinutes").asInt()).isEqualTo(5);
        assertThat(view.get("dates").size()).isZero();
        assertThat(view.get("weekly").toString()).doesNotContain("12:00", "10:30");
    }

    // ---- visibility, suspension ----------------------------------------------------------------------------------

    @Test
    void anApplicationIsVisibleOnlyToTheApplicantAndAdministratorsUntilApproved() {
        IdentityApi.Tokens applicant = identity().newStudent("private");
        IdentityApi.Tokens other = identity().newStudent("curious");
        String admin = admin();
        mentors().apply(applicant.accessToken(), BERLIN);
        mentors().awaitStatus(applicant.accessToken(), applicant.userId(), "APPLIED");

        assertProblem(mentors().mentor(null, applicant.userId()), 404, "not-found");
        assertProblem(mentors().mentor(other.accessToken(), applicant.userId()), 404, "not-found");
        assertThat(mentors().mentor(admin, applicant.userId()).status()).isEqualTo(200);
        assertThat(mentors().mentor(applicant.accessToken(), applicant.userId()).status()).isEqualTo(200);

        assertThat(mentors().approve(admin, applicant.userId()).status()).isEqualTo(204);

        JsonNode publicView = mentors().awaitStatus(null, applicant.userId(), "ACTIVE");
        assertThat(publicView.get("headline").asText()).isEqualTo("Backend engineer");
        assertThat(mentors().mentor(other.accessToken(), applicant.userId()).status()).isEqualTo(200);
        assertProblem(mentors().mentor(null, UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void aSuspendedMentorIsHiddenAndOffersNoSlotsUntilReinstated() {
        IdentityApi.Tokens mentor = newActiveMentor("suspended", BERLIN);
        String admin = admin();
        IdentityApi.Tokens student = identity().newStudent("watcher");
        assertThat(mentors().setWeekly(mentor.accessToken(), everyDay("09:00", "12:00"), 0).status())
                .isEqualTo(204);
        ZoneId berlin = ZoneId.of(BERLIN);
        Instant from = LocalDate.now(berlin).plusDays(2).atStartOfDay(berlin).toInstant();
        Instant to = LocalDate.now(berlin).plusDays(9).atStartOfDay(berlin).toInstant();
        await("slots").atMost(MentorApi.READ_MODEL_WAIT).until(() ->
                !mentors().slotStarts(null, mentor.userId(), from, to).isEmpty());
        assertProblem(mentors().suspend(student.accessToken(), mentor.userId(), "no"), 403, "forbidden");
        assertProblem(mentors().suspend(admin, mentor.userId(), ""), 400, "validation");
        assertProblem(mentors().reinstate(admin, mentor.userId(), "not suspended"), 409, "mentor-not-suspended");

        assertThat(mentors().suspend(admin, mentor.userId(), "complaints under review").status()).isEqualTo(204);

        mentors().awaitHidden(null, mentor.userId());
        assertProblem(mentors().mentor(student.accessToken(), mentor.userId()), 404, "not-found");
        JsonNode seenByAdmin = mentors().awaitStatus(admin, mentor.userId(), "SUSPENDED");
        assertThat(seenByAdmin.get("suspensionReason").asText()).isEqualTo("complaints under review");
        assertThat(mentors().awaitStatus(mentor.accessToken(), mentor.userId(), "SUSPENDED")).isNotNull();
        assertThat(mentors().slotStarts(null, mentor.userId(), from, to)).isEmpty();
        assertProblem(mentors().setWeekly(mentor.accessToken(), everyDay("09:00", "10:00"), 0), 409,
                "mentor-not-active");
        assertProblem(mentors().suspend(admin, mentor.userId(), "again"), 409, "mentor-not-active");

        assertThat(mentors().reinstate(admin, mentor.userId(), "cleared").status()).isEqualTo(204);

        JsonNode back = mentors().awaitStatus(null, mentor.userId(), "ACTIVE");
        assertThat(back.get("suspensionReason").isNull()).isTrue();
        assertThat(mentors().slotStarts(null, mentor.userId(), from, to)).hasSize(7 * 6);
    }

    // ---- slots ---------------------------------------------------------------------------------------------------

    @Test
    void slotsAreInstantsOfTheMentorsWallClockAndRenderedInAnyZone() {
        IdentityApi.Tokens mentor = newActiveMentor("sydney", SYDNEY);
        ZoneId sydney = ZoneId.of(SYDNEY);
        assertThat(mentors().setWeekly(mentor.accessToken(), everyDay("09:00", "10:00"), 0).status())
                .isEqualTo(204);
        mentors().awaitMentor(null, mentor.userId(), view -> view.path("weekly").size() == 7);
        LocalDate day = LocalDate.now(sydney).plusDays(3);
        Instant from = day.atStartOfDay(sydney).toInstant();
        Instant to = day.plusDays(2).atStartOfDay(sydney).toInstant();

        Response inMentorsZone = mentors().slots(null, mentor.userId(), from, to, null);

        assertThat(inMentorsZone.status()).as("%s", inMentorsZone).isEqualTo(200);
        JsonNode answer = inMentorsZone.body();
        assertThat(answer.get("mentorId").asText()).isEqualTo(mentor.userId().toString());
        assertThat(answer.get("mentorTimeZone").asText()).isEqualTo(SYDNEY);
        assertThat(answer.get("timeZone").asText()).isEqualTo(SYDNEY);
        assertThat(answer.get("pricePerSession").asInt()).isEqualTo(2);
        List<ZonedDateTime> expected = List.of(
                ZonedDateTime.of(day, LocalTime.of(9, 0), sydney), ZonedDateTime.of(day, LocalTime.of(9, 30), sydney),
                ZonedDateTime.of(day.plusDays(1), LocalTime.of(9, 0), sydney),
                ZonedDateTime.of(day.plusDays(1), LocalTime.of(9, 30), sydney));
        assertThat(starts(answer)).containsExactlyElementsOf(expected.stream().map(ZonedDateTime::toInstant).toList());
        // the offset is Sydney's on that day (+11:00 in its summer, +10:00 in its winter), not today's UTC date's
        assertThat(localStarts(answer)).containsExactlyElementsOf(
                expected.stream().map(z -> z.toOffsetDateTime().toString()).toList());
        assertThat(answer.get("slots").get(0).get("end").asText())
                .isEqualTo(expected.get(0).toInstant().plus(Duration.ofMinutes(30)).toString());

        Response inNewYork = mentors().slots(null, mentor.userId(), from, to, "America/New_York");

        assertThat(inNewYork.status()).isEqualTo(200);
        assertThat(inNewYork.body().get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(starts(inNewYork.body())).isEqualTo(starts(answer));
        assertThat(localStarts(inNewYork.body())).containsExactlyElementsOf(expected.stream()
                .map(z -> z.toInstant().atZone(ZoneId.of("America/New_York")).toOffsetDateTime().toString())
                .toList());
        assertProblem(mentors().slots(null, mentor.userId(), from, to, "Nowhere/Special"), 400, "bad-request");
    }

    @Test
    void slotsRespectTheMinimumNoticeAndTheMaximumAdvance() {
        IdentityApi.Tokens mentor = newActiveMentor("always", "UTC");
        assertThat(mentors().setWeekly(mentor.accessToken(), everyDay("00:00", "00:00"), 0).status())
                .isEqualTo(204);
        mentors().awaitMentor(null, mentor.userId(), view -> view.path("weekly").size() == 7);
        Instant before = Instant.now();
        Instant from = before.minus(Duration.ofHours(1));
        Instant to = from.plus(Duration.ofDays(31));

        Response response = mentors().slots(null, mentor.userId(), from, to, null);
        Instant after = Instant.now();

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        Instant earliest = Instant.parse(response.body().get("earliest").asText());
        Instant latest = Instant.parse(response.body().get("latest").asText());
        assertThat(earliest).isBetween(before.plus(Duration.ofHours(12)), after.plus(Duration.ofHours(12)));
        assertThat(latest).isBetween(before.plus(Duration.ofDays(30)), after.plus(Duration.ofDays(30)));
        List<Instant> starts = starts(response.body());
        assertThat(starts.get(0)).isAfterOrEqualTo(earliest)
                .isBefore(earliest.plus(Duration.ofMinutes(30)));
        assertThat(starts.get(starts.size() - 1)).isBeforeOrEqualTo(latest)
                .isAfter(latest.minus(Duration.ofMinutes(30)));
        assertThat(starts).hasSize((int) Duration.between(starts.get(0), starts.get(starts.size() - 1))
                .toMinutes() / 30 + 1);
    }

    @Test
    void aDateCanBeBlockedOrGivenOtherHoursAndThenCleared() {
        IdentityApi.Tokens mentor = newActiveMentor("dates", BERLIN);
        ZoneId berlin = ZoneId.of(BERLIN);
        String token = mentor.accessToken();
        assertThat(mentors().setWeekly(token, everyDay("09:00", "10:00"), 0).status()).isEqualTo(204);
        LocalDate blocked = LocalDate.now(berlin).plusDays(3);
        LocalDate longer = blocked.plusDays(1);
        LocalDate ordinary = blocked.plusDays(2);

        assertThat(mentors().setDate(token, blocked, List.of()).status()).isEqualTo(204);
        assertThat(mentors().setDate(token, longer, List.of(window("18:00", "19:00"), window("09:00", "10:00")))
                .status()).isEqualTo(204);

        JsonNode view = mentors().awaitMentor(token, mentor.userId(), v -> v.path("dates").size() == 2);
        assertThat(view.get("dates").get(blocked.toString()).size()).isZero();
        assertThat(view.get("dates").get(longer.toString()).get(0).get("start").asText()).startsWith("09:00");
        Instant from = blocked.atStartOfDay(berlin).toInstant();
        Instant to = ordinary.plusDays(1).atStartOfDay(berlin).toInstant();
        assertThat(mentors().slotStarts(null, mentor.userId(), from, to)).containsExactly(
                at(longer, "09:00", berlin), at(longer, "09:30", berlin),
                at(longer, "18:00", berlin), at(longer, "18:30", berlin),
                at(ordinary, "09:00", berlin), at(ordinary, "09:30", berlin));

        assertThat(mentors().clearDate(token, blocked).status()).isEqualTo(204);

        mentors().awaitMentor(token, mentor.userId(), v -> v.path("dates").size() == 1);
        assertThat(mentors().slotStarts(null, mentor.userId(), from, to)).startsWith(
                at(blocked, "09:00", berlin), at(blocked, "09:30", berlin), at(longer, "09:00", berlin));
    }

    @Test
    void slotRequestsOutsideTheRulesAreRefused() {
        IdentityApi.Tokens mentor = newActiveMentor("bounds", BERLIN);
        Instant from = Instant.now().plus(Duration.ofDays(1));

        assertProblem(mentors().slots(null, mentor.userId(), from, from.plus(Duration.ofDays(31)).plusSeconds(1),
                null), 400, "bad-request");
        assertProblem(mentors().slots(null, mentor.userId(), from, from, null), 400, "bad-request");
        assertProblem(mentors().slots(null, mentor.userId(), from, from.minusSeconds(60), null), 400,
                "bad-request");
        assertProblem(api().get("/api/mentors/" + mentor.userId() + "/slots?from=tomorrow&to=" + from, null), 400,
                "validation");
        assertProblem(api().get("/api/mentors/" + mentor.userId() + "/slots?from=" + from, null), 400,
                "bad-request");
        assertProblem(mentors().slots(null, UUID.randomUUID(), from, from.plus(Duration.ofDays(1)), null), 404,
                "not-found");
        assertThat(mentors().slots(null, mentor.userId(), from, from.plus(Duration.ofDays(31)), null).status())
                .isEqualTo(200);
    }

    @Test
    void anApplicantOffersNoSlots() {
        IdentityApi.Tokens applicant = identity().newStudent("waiting");
        mentors().apply(applicant.accessToken(), BERLIN);
        mentors().awaitStatus(applicant.accessToken(), applicant.userId(), "APPLIED");
        Instant from = Instant.now().plus(Duration.ofDays(1));

        assertThat(mentors().slotStarts(null, applicant.userId(), from, from.plus(Duration.ofDays(7)))).isEmpty();
    }

    /**
     * Across the next daylight-saving change of any zone that lies inside the booking horizon: every wall-clock half
     * hour of the three days around it, skipping the times that do not exist, a repeated time at its first instant.
     * On days when no zone changes its clocks within the horizon (late November to mid-December, e.g.), there is
     * nothing to book across a change and the test is skipped; {@code AvailabilityScheduleTest} covers the changes
     * themselves.
     */
    @Test
    void slotsAcrossTheNextDaylightSavingChangeWithinTheHorizon() {
        Optional<Change> next = nextChangeWithin(Instant.now().plus(Duration.ofDays(2)),
                Instant.now().plus(Duration.ofDays(27)));
        Assumptions.assumeTrue(next.isPresent(), "no time zone changes its clocks within the booking horizon");
        ZoneId zone = next.get().zone();
        LocalDate day = next.get().transition().getInstant().atZone(zone).toLocalDate();
        IdentityApi.Tokens mentor = newActiveMentor("dst", zone.getId());
        assertThat(mentors().setWeekly(mentor.accessToken(), everyDay("00:00", "00:00"), 0).status())
                .isEqualTo(204);
        mentors().awaitMentor(null, mentor.userId(), view -> view.path("weekly").size() == 7);
        Instant from = day.minusDays(1).atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(2).atStartOfDay(zone).toInstant();

        Response response = mentors().slots(null, mentor.userId(), from, to, null);

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<Instant> expected = new ArrayList<>();
        for (LocalDate date = day.minusDays(1); !date.isAfter(day.plusDays(1)); date = date.plusDays(1)) {
            Instant free = Instant.MIN;
            for (LocalDateTime local = date.atStartOfDay(); local.toLocalDate().equals(date);
                 local = local.plusMinutes(30)) {
                if (zone.getRules().getValidOffsets(local).isEmpty()) {
                    continue;
                }
                Instant start = local.atZone(zone).toInstant();
                if (!start.isBefore(free) && !start.isBefore(from) && start.isBefore(to)) {
                    expected.add(start);
                    free = start.plus(Duration.ofMinutes(30));
                }
            }
        }
        expected.sort(Comparator.naturalOrder());
        assertThat(starts(response.body())).as("slots of %s around %s", zone, next.get().transition())
                .containsExactlyElementsOf(expected);
        assertThat(localStarts(response.body()).stream().map(s -> s.substring(16)).distinct()).hasSize(2);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** A new student who applied in {@code zone} and was approved; answers once they hold the MENTOR role. */
    private IdentityApi.Tokens newActiveMentor(String who, String zone) {
        IdentityApi.Tokens user = identity().newStudent(who);
        mentors().apply(user.accessToken(), zone);
        Response approved = mentors().approve(admin(), user.userId());
        assertThat(approved.status()).as("approve: %s", approved).isEqualTo(204);
        await("the MENTOR role").atMost(MentorApi.READ_MODEL_WAIT).until(() ->
                roles(user.accessToken()).contains("MENTOR"));
        mentors().awaitStatus(user.accessToken(), user.userId(), "ACTIVE");
        return user;
    }

    private List<String> roles(String token) {
        Response me = identity().me(token);
        assertThat(me.status()).as("me: %s", me).isEqualTo(200);
        List<String> roles = new ArrayList<>();
        me.body().get("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    private static List<String> ids(JsonNode views) {
        List<String> ids = new ArrayList<>();
        views.forEach(view -> ids.add(view.get("userId").asText()));
        return ids;
    }

    private static List<String> localStarts(JsonNode answer) {
        List<String> locals = new ArrayList<>();
        answer.get("slots").forEach(slot -> locals.add(slot.get("localStart").asText()));
        return locals;
    }

    private static Instant at(LocalDate date, String time, ZoneId zone) {
        return ZonedDateTime.of(date, LocalTime.parse(time), zone).toInstant();
    }

    /** {@code body} with {@code keysAndValues} replaced (null values kept). */
    private static Map<String, Object> with(Map<String, Object> body, Object... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    private record Change(ZoneId zone, ZoneOffsetTransition transition) {
    }

    /** The first clock change of any zone (by zone id) between {@code from} and {@code to}. */
    private static Optional<Change> nextChangeWithin(Instant from, Instant to) {
        return ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of)
                .map(zone -> new Change(zone, zone.getRules().nextTransition(from)))
                .filter(change -> change.transition() != null && change.transition().getInstant().isBefore(to))
                .findFirst();
    }
}
