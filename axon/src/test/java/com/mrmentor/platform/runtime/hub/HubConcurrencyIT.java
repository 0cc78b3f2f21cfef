package com.mrmentor.platform.runtime.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.HubApi;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Racing requests for the hub's last places leave exactly one winner: the last place of a mentor's capacity, the last
 * seat of a group, and one mentee accepted by two mentors at the same moment. Losers get a 409 problem and the event
 * store holds the winner's events only.
 */
class HubConcurrencyIT extends IntegrationTest {

    private static final int RACERS = 6;

    @Autowired
    JdbcTemplate jdbc;

    private HubApi hub() {
        return new HubApi(api(), identity(), this::admin);
    }

    @Test
    void acceptancesRacingForTheLastPlaceLeaveOneWinner() throws Exception {
        IdentityApi.Tokens mentor = hub().newActiveMentor("sought-after");
        assertThat(hub().setCapacity(mentor.accessToken(), 2).status()).isEqualTo(204);
        hub().pair(mentor.accessToken(), hub().applyTo(identity().newStudent("early").accessToken(), mentor.userId()));
        List<UUID> applications = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            UUID application = hub().applyTo(identity().newStudent("racer" + i).accessToken(), mentor.userId());
            hub().interview(mentor.accessToken(), application);
            applications.add(application);
        }

        List<Response> responses = race(applications.stream().<Callable<Response>>map(application ->
                () -> hub().move(mentor.accessToken(), application, "ACCEPTED", null)).toList());

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 200).hasSize(RACERS - 1).allSatisfy(r -> {
            assertThat(r.status()).as("%s", r).isEqualTo(409);
            assertThat(r.problemType()).isIn("/problems/mentor-at-capacity", "/problems/concurrent-modification");
        });
        assertThat(storedEvents("hub-circle:" + mentor.userId(), "MenteePaired")).isEqualTo(2);
        JsonNode circle = hub().awaitRead("/api/hub/mentors/me/mentees", mentor.accessToken(),
                c -> c.path("activeMentees").asInt() == 2);
        assertThat(circle.get("maxMentees").asInt()).isEqualTo(2);
        JsonNode accepted = hub().awaitRead("/api/hub/mentors/me/applications?status=ACCEPTED&size=200",
                mentor.accessToken(), list -> list.size() == 2);
        assertThat(accepted).hasSize(2);
    }

    @Test
    void joinsRacingForTheLastSeatOfAGroupLeaveOneWinner() throws Exception {
        IdentityApi.Tokens mentor = hub().newActiveMentor("group-host");
        assertThat(hub().setCapacity(mentor.accessToken(), RACERS).status()).isEqualTo(204);
        List<IdentityApi.Tokens> mentees = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            IdentityApi.Tokens mentee = identity().newStudent("seat" + i);
            hub().pair(mentor.accessToken(), hub().applyTo(mentee.accessToken(), mentor.userId()));
            mentees.add(mentee);
        }
        UUID group = hub().group(mentor.accessToken(), mentor.userId(), "2026-Q4", 2);
        assertThat(hub().join(mentees.get(0).accessToken(), group).status()).isEqualTo(204);

        List<Response> responses = race(mentees.subList(1, RACERS).stream().<Callable<Response>>map(mentee ->
                () -> hub().join(mentee.accessToken(), group)).toList());

        assertThat(responses).filteredOn(r -> r.status() == 204).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 204).hasSize(RACERS - 2).allSatisfy(r -> {
            assertThat(r.status()).as("%s", r).isEqualTo(409);
            assertThat(r.problemType()).isIn("/problems/group-full", "/problems/concurrent-modification");
        });
        assertThat(storedEvents("hub-circle:" + mentor.userId(), "HubGroupJoined")).isEqualTo(2);
        hub().awaitRead("/api/hub/groups/" + group, mentor.accessToken(), g -> g.path("memberCount").asInt() == 2);
    }

    @Test
    void twoMentorsAcceptingTheSameMenteeAtOnceLeaveOnePairing() throws Exception {
        IdentityApi.Tokens first = hub().newActiveMentor("first-choice");
        IdentityApi.Tokens second = hub().newActiveMentor("second-choice");
        IdentityApi.Tokens mentee = identity().newStudent("double-booked");
        UUID toFirst = hub().applyTo(mentee.accessToken(), first.userId());
        UUID toSecond = hub().applyTo(mentee.accessToken(), second.userId());
        hub().interview(first.accessToken(), toFirst);
        hub().interview(second.accessToken(), toSecond);

        List<Response> responses = race(List.of(
                () -> hub().move(first.accessToken(), toFirst, "ACCEPTED", null),
                () -> hub().move(second.accessToken(), toSecond, "ACCEPTED", null)));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 200).singleElement().satisfies(r -> {
            assertThat(r.status()).as("%s", r).isEqualTo(409);
            assertThat(r.problemType()).isEqualTo("/problems/mentee-already-paired");
        });
        assertThat(storedEvents("hub-circle:" + first.userId(), "MenteePaired")
                + storedEvents("hub-circle:" + second.userId(), "MenteePaired")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_active_pairing WHERE mentee_id = ?", Long.class,
                mentee.userId())).isEqualTo(1);
    }

    /** Runs every attempt at once (released together) and answers their responses. */
    private static List<Response> race(List<Callable<Response>> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> running = new ArrayList<>();
            for (Callable<Response> attempt : attempts) {
                running.add(pool.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> response : running) {
                responses.add(response.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }

    /** How many events of {@code simpleType} the store holds for {@code aggregateId}. */
    private long storedEvents(String aggregateId, String simpleType) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE ?", Long.class, aggregateId, "%." + simpleType);
    }
}
