package com.mrmentor.platform.runtime.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.projections.discovery.MentorDiscoveryProjection;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingFacts;
import com.mrmentor.platform.runtime.support.DiscoveryApi;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.runtime.support.MentorApi;
import com.mrmentor.platform.shared.booking.BookingStatus;
import com.mrmentor.platform.shared.booking.SessionExperience;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static com.mrmentor.platform.runtime.support.DiscoveryApi.encode;
import static com.mrmentor.platform.runtime.support.IdentityApi.assertProblem;
import static com.mrmentor.platform.runtime.support.MentorApi.everyDay;
import static com.mrmentor.platform.runtime.support.MentorApi.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Discovery over HTTP: the public search (full text, filters, sorting, paging, next free slot), the leaderboard and
 * reviews, fed by real mentor applications and by booking facts published as events; erasure; bad input; and a
 * replay of the discovery processor that rebuilds the same answers. Every test marks its mentors with a word of its
 * own and searches for it, because the database is shared with the other test classes.
 */
class DiscoveryIT extends IntegrationTest {

    private static final String BERLIN = "Europe/Berlin";

    @Autowired
    EventBus eventBus;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    private MentorApi mentors() {
        return new MentorApi(api());
    }

    private DiscoveryApi discovery() {
        return new DiscoveryApi(api());
    }

    private BookingFacts bookings;

    /** One per test: it numbers each booking's events. */
    private BookingFacts bookings() {
        if (bookings == null) {
            bookings = new BookingFacts(eventBus);
        }
        return bookings;
    }

    // ---- full text and filters ----------------------------------------------------------------------------------

    @Test
    void anyoneFindsActiveMentorsByWordsOfNameHeadlineBioAndExpertise() {
        String word = uniqueWord();
        String admin = admin();
        Mentor ana = newActiveMentor("Ana Quixote", profile("Kafka streams " + word, "I build event-sourced systems.",
                List.of("Java", "Event Sourcing"), "Backend", "Acme", List.of("English", "Hindi"), 3));
        Mentor bruno = newActiveMentor("Bruno Tràng", profile("Frontend " + word, "Design systems and accessibility.",
                List.of("React", "TypeScript"), "Frontend", "Globex", List.of("Vietnamese", "English"), 1));
        Mentor applicant = newApplicant("Carla Applicant", profile("Kafka " + word, "Not approved yet.",
                List.of("Java"), "Backend", "Acme", List.of("English"), 2));
        Mentor suspended = newActiveMentor("Dora Suspended", profile("Kafka " + word, "Suspended soon.",
                List.of("Java"), "Backend", "Acme", List.of("English"), 2));
        assertThat(mentors().suspend(admin, suspended.id(), "test").status()).isEqualTo(204);
        mentors().awaitStatus(admin, suspended.id(), "SUSPENDED");
        discovery().awaitTotal("q=" + word, 2);

        JsonNode all = discovery().searchOk("q=" + word);
        assertThat(DiscoveryApi.ids(all.get("mentors"))).containsExactlyInAnyOrder(ana.id(), bruno.id())
                .doesNotContain(applicant.id(), suspended.id());
        JsonNode anaCard = card(all, ana.id());
        assertThat(anaCard.get("name").asText()).isEqualTo("Ana Quixote");
        assertThat(anaCard.get("headline").asText()).isEqualTo("Kafka streams " + word);
        assertThat(texts(anaCard.get("expertise"))).containsExactly("Java", "Event Sourcing");
        assertThat(anaCard.get("track").asText()).isEqualTo("Backend");
        assertThat(anaCard.get("company").asText()).isEqualTo("Acme");
        assertThat(texts(anaCard.get("languages"))).containsExactly("English", "Hindi");
        assertThat(anaCard.get("pricePerSession").asInt()).isEqualTo(3);
        assertThat(anaCard.get("averageRating").isNull()).isTrue();
        assertThat(anaCard.get("ratingsCount").asLong()).isZero();
        assertThat(anaCard.get("completedSessions").asLong()).isZero();
        assertThat(anaCard.has("nextAvailableAt")).isTrue();
        assertThat(anaCard.has("bio")).as("the card is short").isFalse();
        assertThat(all.get("size").asInt()).as("9 per page by default, as the seed").isEqualTo(9);
        assertThat(all.get("page").asInt()).isZero();
        assertThat(all.get("totalPages").asInt()).isEqualTo(1);

        // every word must match the start of a word, in any of the fields; case and accents do not matter
        assertThat(discovery().ids("q=" + encode(word + " KAF"))).containsExactly(ana.id());
        assertThat(discovery().ids("q=" + encode(word + " trang"))).containsExactly(bruno.id());
        assertThat(discovery().ids("q=" + encode(word + " quix"))).containsExactly(ana.id());
        assertThat(discovery().ids("q=" + encode(word + " sourcing"))).as("an expertise tag").containsExactly(ana.id());
        assertThat(discovery().ids("q=" + encode(word + " accessibility"))).as("the bio").containsExactly(bruno.id());
        assertThat(discovery().ids("q=" + encode(word + " afka"))).as("not inside a word").isEmpty();
        assertThat(discovery().ids("q=" + encode(word + " kafka react"))).as("all words must match").isEmpty();

        // filters: case ignored, repeated values match any, different filters all apply
        assertThat(discovery().ids("q=" + word + "&expertise=JAVA")).containsExactly(ana.id());
        assertThat(discovery().ids("q=" + word + "&expertise=" + encode("event sourcing"))).containsExactly(ana.id());
        assertThat(discovery().ids("q=" + word + "&expertise=java&expertise=react"))
                .containsExactlyInAnyOrder(ana.id(), bruno.id());
        assertThat(discovery().ids("q=" + word + "&expertise=Spring")).isEmpty();
        assertThat(discovery().ids("q=" + word + "&language=hindi")).containsExactly(ana.id());
        assertThat(discovery().ids("q=" + word + "&language=english")).hasSize(2);
        assertThat(discovery().ids("q=" + word + "&track=frontend")).containsExactly(bruno.id());
        assertThat(discovery().ids("q=" + word + "&company=GLOBEX")).containsExactly(bruno.id());
        assertThat(discovery().ids("q=" + word + "&company=globex&company=acme")).hasSize(2);
        assertThat(discovery().ids("q=" + word + "&maxPrice=2")).containsExactly(bruno.id());
        assertThat(discovery().ids("q=" + word + "&maxPrice=3")).hasSize(2);
        assertThat(discovery().ids("q=" + word + "&track=frontend&language=hindi")).isEmpty();
        assertThat(discovery().ids("q=" + word + "&minRating=1")).as("unrated mentors have no rating").isEmpty();
    }

    @Test
    void aProfileChangeOrANewNameIsWhatTheSearchFinds() {
        String word = uniqueWord();
        Mentor mentor = newActiveMentor("Eve Before", profile("Golang " + word, "Backends in Go.", List.of("Go"),
                "Backend", "Initech", List.of("English"), 2));
        discovery().awaitTotal("q=" + encode(word + " golang"), 1);

        Response updated = api().put("/api/mentors/me/profile", mentor.token(), profile("Rust " + word,
                "Systems in Rust.", List.of("Rust"), "Systems", "Hooli", List.of("German"), 4));
        assertThat(updated.status()).as("%s", updated).isEqualTo(204);
        Response renamed = api().post("/api/auth/profile", mentor.token(), json("name", "Eve After",
                "phone", "+49 30 1234567", "profession", "Engineer", "domain", "Software", "photoUrl", null));
        assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);

        discovery().awaitSearch("q=" + encode(word + " after rust"), page -> page.get("totalElements").asInt() == 1);
        assertThat(discovery().ids("q=" + encode(word + " golang"))).isEmpty();
        assertThat(discovery().ids("q=" + encode(word + " before"))).isEmpty();
        assertThat(discovery().ids("q=" + word + "&expertise=go")).isEmpty();
        JsonNode card = discovery().searchOk("q=" + word + "&expertise=rust&language=german&company=hooli")
                .get("mentors").get(0);
        assertThat(card.get("name").asText()).isEqualTo("Eve After");
        assertThat(card.get("pricePerSession").asInt()).isEqualTo(4);
        assertThat(card.get("track").asText()).isEqualTo("Systems");
    }

    // ---- ratings, sessions, sorting and paging ------------------------------------------------------------------

    @Test
    void completedSessionsAndRatingsCountOncePerBookingAndOrderTheSearch() {
        String word = uniqueWord();
        Mentor high = newActiveMentor("High Rated", profile(word, "bio", List.of("Java"), null, null,
                List.of("English"), 5));
        Mentor busy = newActiveMentor("Busy Mentor", profile(word, "bio", List.of("Java"), null, null,
                List.of("English"), 2));
        Mentor cheap = newActiveMentor("Cheap Unrated", profile(word, "bio", List.of("Java"), null, null,
                List.of("English"), 1));
        Mentor tied = newActiveMentor("Tied Mentor", profile(word, "bio", List.of("Java"), null, null,
                List.of("English"), 2));
        discovery().awaitTotal("q=" + word, 4);
        // high: 2 sessions rated 5 and 4 -> 4.50; busy: 3 sessions rated 4, 4, 5 -> 4.33;
        // tied: 2 sessions rated 5 and 4 -> 4.50 like high; cheap: 1 session, no rating
        UUID highFirst = bookings().completedAndRated(STUDENT_ID, high.id(), 5);
        bookings().completedAndRated(OTHER_STUDENT_ID, high.id(), 4);
        bookings().completedAndRated(STUDENT_ID, busy.id(), 4);
        bookings().completedAndRated(STUDENT_ID, busy.id(), 4);
        bookings().completedAndRated(STUDENT_ID, busy.id(), 5);
        bookings().completedAndRated(STUDENT_ID, tied.id(), 5);
        bookings().completedAndRated(STUDENT_ID, tied.id(), 4);
        bookings().completed(STUDENT_ID, cheap.id());
        // neither a settlement that is not COMPLETED, nor a second settlement or rating of a booking, counts
        bookings().settled(UUID.randomUUID(), STUDENT_ID, cheap.id(), BookingStatus.CANCELLED);
        bookings().settled(UUID.randomUUID(), STUDENT_ID, cheap.id(), BookingStatus.NO_SHOW);
        bookings().settled(highFirst, STUDENT_ID, high.id(), BookingStatus.COMPLETED);
        bookings().rated(highFirst, STUDENT_ID, high.id(), 1, SessionExperience.POOR, false, "again", Instant.now());
        // a last fact for the cheap mentor, so that waiting for it means every fact before was applied
        bookings().completed(OTHER_STUDENT_ID, cheap.id());

        JsonNode byRating = discovery().awaitSearch("q=" + word, page ->
                card(page, cheap.id()).get("completedSessions").asLong() == 2);

        JsonNode highCard = card(byRating, high.id());
        assertThat(highCard.get("averageRating").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(discovery().search("q=" + word).rawBody()).as("2 decimals").contains("\"averageRating\":4.50");
        assertThat(highCard.get("ratingsCount").asLong()).isEqualTo(2);
        assertThat(highCard.get("completedSessions").asLong()).isEqualTo(2);
        assertThat(card(byRating, busy.id()).get("averageRating").decimalValue()).isEqualByComparingTo("4.33");
        assertThat(card(byRating, busy.id()).get("completedSessions").asLong()).isEqualTo(3);
        assertThat(card(byRating, cheap.id()).get("averageRating").isNull()).isTrue();
        assertThat(card(byRating, cheap.id()).get("ratingsCount").asLong()).isZero();

        // default: rating (unrated last), then sessions, then the mentor id
        List<UUID> tiedPair = sorted(high.id(), tied.id());
        assertThat(DiscoveryApi.ids(byRating.get("mentors")))
                .containsExactly(tiedPair.get(0), tiedPair.get(1), busy.id(), cheap.id());
        assertThat(discovery().ids("q=" + word + "&sort=rating")).isEqualTo(DiscoveryApi.ids(byRating.get("mentors")));
        assertThat(discovery().ids("q=" + word + "&sort=sessions"))
                .containsExactly(busy.id(), tiedPair.get(0), tiedPair.get(1), cheap.id());
        assertThat(discovery().ids("q=" + word + "&sort=price"))
                .as("cheapest first, then rating").containsExactly(cheap.id(), tied.id(), busy.id(), high.id());
        assertThat(discovery().ids("q=" + word + "&minRating=4.4")).containsExactlyElementsOf(tiedPair);
        assertThat(discovery().ids("q=" + word + "&minRating=4")).hasSize(3).doesNotContain(cheap.id());
        assertThat(discovery().ids("q=" + word + "&minRating=5")).isEmpty();

        // stable pages: the pages of size 3 are the whole order cut in two
        JsonNode first = discovery().searchOk("q=" + word + "&page=0&size=3");
        JsonNode second = discovery().searchOk("q=" + word + "&page=1&size=3");
        JsonNode beyond = discovery().searchOk("q=" + word + "&page=5&size=3");
        List<UUID> paged = new ArrayList<>(DiscoveryApi.ids(first.get("mentors")));
        paged.addAll(DiscoveryApi.ids(second.get("mentors")));
        assertThat(paged).isEqualTo(DiscoveryApi.ids(byRating.get("mentors")));
        assertThat(first.get("totalElements").asLong()).isEqualTo(4);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(beyond.get("mentors")).isEmpty();
        assertThat(beyond.get("totalElements").asLong()).isEqualTo(4);
        assertThat(parkedEvents()).as("duplicates are skipped, not failed and parked").isZero();
    }

    @Test
    void theLeaderboardRanksByCompletedSessionsThenRatingAndEqualMentorsShareARank() {
        String word = uniqueWord();
        Mentor first = newActiveMentor("Lead First", profile(word, "bio", List.of("Java"), null, null,
                List.of("English"), 2));
        Mentor secondA = newActiveMentor("Lead Second", profile(word, "bio", List.of("Java"), null, null,
                List.of("English"), 2));
        Mentor secondB = newActiveMentor("Lead Second Too", profile(word, "bio", List.of("Java"), null, null,
                List.of("English"), 2));
        Mentor third = newActiveMentor("Lead Third", profile(word, "bio", List.of("Java"), null, null,
                List.of("English"), 2));
        Mentor none = newActiveMentor("Lead None", profile(word, "bio", List.of("Java"), null, null,
                List.of("English"), 2));
        discovery().awaitTotal("q=" + word, 5);
        for (int i = 0; i < 12; i++) {
            bookings().completedAndRated(STUDENT_ID, first.id(), 3);
        }
        for (Mentor second : List.of(secondA, secondB)) {
            for (int i = 0; i < 11; i++) {
                bookings().completedAndRated(STUDENT_ID, second.id(), 4);
            }
        }
        for (int i = 0; i < 11; i++) {
            bookings().completed(STUDENT_ID, third.id()); // as many sessions, but unrated: after the rated ones
        }
        discovery().awaitSearch("q=" + word, page -> card(page, third.id()).get("completedSessions").asLong() == 11
                && card(page, secondB.id()).get("ratingsCount").asLong() == 11);

        Response anonymous = discovery().leaderboard(0, 10);
        assertThat(anonymous.status()).as("public, and not taken for a mentor id: %s", anonymous).isEqualTo(200);
        assertThat(anonymous.body().get("size").asInt()).isEqualTo(10);
        List<JsonNode> board = discovery().wholeLeaderboard();
        List<UUID> order = board.stream().map(e -> UUID.fromString(e.get("mentorId").asText())).toList();
        List<UUID> seconds = sorted(secondA.id(), secondB.id());
        Set<UUID> ours = Set.of(first.id(), secondA.id(), secondB.id(), third.id(), none.id());
        assertThat(order.stream().filter(ours::contains))
                .containsExactly(first.id(), seconds.get(0), seconds.get(1), third.id());
        JsonNode firstLine = line(board, first.id());
        assertThat(firstLine.get("name").asText()).isEqualTo("Lead First");
        assertThat(firstLine.get("completedSessions").asLong()).isEqualTo(12);
        assertThat(firstLine.get("averageRating").decimalValue()).isEqualByComparingTo("3.00");
        int secondRank = line(board, secondA.id()).get("rank").asInt();
        assertThat(line(board, secondB.id()).get("rank").asInt()).as("equal mentors share a rank")
                .isEqualTo(secondRank).isGreaterThan(firstLine.get("rank").asInt());
        assertThat(line(board, third.id()).get("rank").asInt()).as("the shared rank counts twice")
                .isGreaterThanOrEqualTo(secondRank + 2);
        assertThat(line(board, third.id()).get("averageRating").isNull()).isTrue();
        // the whole board: sessions, then rating, never rise; a rank is 1 + the lines strictly ahead
        for (int i = 0; i < board.size(); i++) {
            JsonNode entry = board.get(i);
            long ahead = board.stream().filter(other -> better(other, entry)).count();
            assertThat(entry.get("rank").asLong()).as("rank of %s", entry).isEqualTo(ahead + 1);
            if (i > 0) {
                assertThat(better(entry, board.get(i - 1))).as("%s after %s", entry, board.get(i - 1)).isFalse();
            }
            assertThat(entry.get("completedSessions").asLong()).isPositive();
        }

        assertProblem(discovery().leaderboard(0, 11), 400, "validation");
        assertProblem(discovery().leaderboard(-1, 10), 400, "validation");
    }

    // ---- reviews --------------------------------------------------------------------------------------------------

    @Test
    void reviewsArePublicNewestFirstAndNeverSayWhoWroteThem() {
        String word = uniqueWord();
        String admin = admin();
        Mentor mentor = newActiveMentor("Reviewed Mentor", profile(word, "bio", List.of("Java"), null, null,
                List.of("English"), 2));
        IdentityApi.Tokens student = identity().newStudent("reviewer");
        Instant t0 = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
        UUID older = bookings().completed(student.userId(), mentor.id());
        bookings().rated(older, student.userId(), mentor.id(), 5, SessionExperience.EXCELLENT, true,
                "Clear and kind", t0);
        UUID newer = bookings().completed(STUDENT_ID, mentor.id());
        bookings().rated(newer, STUDENT_ID, mentor.id(), 2, SessionExperience.BELOW_AVERAGE, false, null,
                t0.plus(Duration.ofDays(1)));
        UUID newest = bookings().completed(OTHER_STUDENT_ID, mentor.id());
        bookings().rated(newest, OTHER_STUDENT_ID, mentor.id(), 4, SessionExperience.GOOD, true, "Useful",
                t0.plus(Duration.ofDays(2)));

        await("three reviews").atMost(MentorApi.READ_MODEL_WAIT).until(() ->
                discovery().reviews(null, mentor.id(), "").body().path("totalElements").asInt() == 3);
        Response page = discovery().reviews(null, mentor.id(), "");

        assertThat(page.status()).isEqualTo(200);
        JsonNode reviews = page.body().get("reviews");
        assertThat(reviews).hasSize(3);
        assertThat(reviews.get(0).get("stars").asInt()).isEqualTo(4);
        assertThat(reviews.get(0).get("comment").asText()).isEqualTo("Useful");
        assertThat(reviews.get(1).get("stars").asInt()).isEqualTo(2);
        assertThat(reviews.get(1).get("experience").asText()).isEqualTo("BELOW_AVERAGE");
        assertThat(reviews.get(1).get("mentorOnTime").asBoolean()).isFalse();
        assertThat(reviews.get(1).get("comment").isNull()).isTrue();
        assertThat(reviews.get(2).get("comment").asText()).isEqualTo("Clear and kind");
        assertThat(Instant.parse(reviews.get(2).get("ratedAt").asText())).isEqualTo(t0);
        reviews.forEach(review -> assertThat(fieldNames(review))
                .containsExactlyInAnyOrder("stars", "experience", "mentorOnTime", "comment", "ratedAt"));
        assertThat(page.rawBody()).doesNotContain(student.userId().toString(), STUDENT_ID.toString(),
                OTHER_STUDENT_ID.toString(), older.toString(), "Reviewer");
        JsonNode second = discovery().reviews(null, mentor.id(), "page=1&size=2").body();
        assertThat(second.get("reviews")).hasSize(1);
        assertThat(second.get("reviews").get(0).get("stars").asInt()).isEqualTo(5);
        assertThat(second.get("totalPages").asInt()).isEqualTo(2);

        // the student is erased: their comment goes, their stars stay
        assertThat(identity().adminPost(admin, student.userId(), "erase", "asked to be forgotten").status())
                .isEqualTo(204);
        await("the comment erased").atMost(MentorApi.READ_MODEL_WAIT).until(() ->
                discovery().reviews(null, mentor.id(), "").body().get("reviews").get(2).get("comment").isNull());
        assertThat(discovery().reviews(null, mentor.id(), "").body().get("reviews").get(2).get("stars").asInt())
                .isEqualTo(5);

        // unknown and suspended mentors have no public reviews; ADMIN still reads them
        assertProblem(discovery().reviews(null, UUID.randomUUID(), ""), 404, "not-found");
        assertThat(mentors().suspend(admin, mentor.id(), "test").status()).isEqualTo(204);
        mentors().awaitStatus(admin, mentor.id(), "SUSPENDED");
        assertProblem(discovery().reviews(null, mentor.id(), ""), 404, "not-found");
        assertThat(discovery().reviews(admin, mentor.id(), "").status()).isEqualTo(200);
        assertProblem(discovery().reviews(null, mentor.id(), "size=51"), 400, "validation");
        assertProblem(discovery().reviews(null, mentor.id(), "page=-1"), 400, "validation");
        discovery().awaitTotal("q=" + word, 0);
    }

    // ---- erasure --------------------------------------------------------------------------------------------------

    @Test
    void anErasedMentorCannotBeFoundByNameNorAtAll() {
        String word = uniqueWord();
        String surname = uniqueWord();
        Mentor mentor = newActiveMentor("Fiona " + surname, profile(word, "Leadership coaching.", List.of("Leadership"),
                null, null, List.of("English"), 2));
        bookings().completedAndRated(STUDENT_ID, mentor.id(), 5);
        discovery().awaitSearch("q=" + surname, page -> page.get("totalElements").asInt() == 1
                && page.get("mentors").get(0).get("completedSessions").asLong() == 1);
        await("on the leaderboard").atMost(MentorApi.READ_MODEL_WAIT).until(() ->
                line(discovery().wholeLeaderboard(), mentor.id()) != null);

        assertThat(identity().adminPost(admin(), mentor.id(), "erase", "asked to be forgotten").status())
                .isEqualTo(204);

        discovery().awaitTotal("q=" + surname, 0);
        assertThat(discovery().ids("q=" + word)).isEmpty();
        assertThat(discovery().ids("q=fiona&expertise=leadership")).doesNotContain(mentor.id());
        assertThat(line(discovery().wholeLeaderboard(), mentor.id())).isNull();
        Integer namesKept = jdbc.queryForObject("SELECT COUNT(*) FROM discovery_mentor WHERE user_id = ? AND "
                + "(name IS NOT NULL OR headline IS NOT NULL OR bio IS NOT NULL OR search_text LIKE ?)",
                Integer.class, mentor.id(), "%" + surname + "%");
        assertThat(namesKept).as("nothing personal is left in the read model").isZero();
    }

    // ---- next free slot -------------------------------------------------------------------------------------------

    @Test
    void theNextFreeSlotIsTheFirstSlotTheMentorOffersAndFiltersAndOrdersTheSearch() {
        String word = uniqueWord();
        Mentor daily = newActiveMentor("Daily Mentor", profile(word, "bio", List.of("Java"), null, null,
                List.of("English"), 2));
        Mentor later = newActiveMentor("Later Mentor", profile(word, "bio", List.of("Java"), null, null,
                List.of("English"), 2));
        Mentor never = newActiveMentor("Never Mentor", profile(word, "bio", List.of("Java"), null, null,
                List.of("English"), 2));
        bookings().completedAndRated(STUDENT_ID, never.id(), 5); // the best rated, yet not free
        assertThat(mentors().setWeekly(daily.token(), everyDay("08:00", "20:00"), 0).status()).isEqualTo(204);
        LocalDate inTenDays = LocalDate.now(ZoneId.of(BERLIN)).plusDays(10);
        assertThat(mentors().setDate(later.token(), inTenDays, List.of(window("10:00", "11:00"))).status())
                .isEqualTo(204);
        mentors().awaitMentor(null, daily.id(), view -> view.path("weekly").size() == 7);
        mentors().awaitMentor(null, later.id(), view -> view.path("dates").size() == 1);
        discovery().awaitSearch("q=" + word, page -> page.get("totalElements").asInt() == 3
                && card(page, never.id()).get("ratingsCount").asLong() == 1);

        Instant now = Instant.now();
        List<Instant> dailySlots = mentors().slotStarts(null, daily.id(), now, now.plus(Duration.ofDays(30)));
        List<Instant> laterSlots = mentors().slotStarts(null, later.id(), now, now.plus(Duration.ofDays(30)));
        JsonNode page = discovery().searchOk("q=" + word); // after the slots: its first may have left the notice
        assertThat(Instant.parse(card(page, daily.id()).get("nextAvailableAt").asText()))
                .isIn(dailySlots.get(0), dailySlots.get(1)); // the first, or the one after if it just left the notice
        assertThat(Instant.parse(card(page, later.id()).get("nextAvailableAt").asText())).isEqualTo(laterSlots.get(0));
        assertThat(card(page, never.id()).get("nextAvailableAt").isNull()).isTrue();
        assertThat(DiscoveryApi.ids(page.get("mentors")).get(0)).as("rated first by default").isEqualTo(never.id());

        assertThat(discovery().ids("q=" + word + "&sort=nextAvailable"))
                .containsExactly(daily.id(), later.id(), never.id());
        assertThat(discovery().ids("q=" + word + "&availableWithinDays=3")).containsExactly(daily.id());
        assertThat(discovery().ids("q=" + word + "&availableWithinDays=12"))
                .containsExactlyInAnyOrder(daily.id(), later.id());
        JsonNode within = discovery().searchOk("q=" + word + "&availableWithinDays=12&sort=nextAvailable&size=1");
        assertThat(DiscoveryApi.ids(within.get("mentors"))).containsExactly(daily.id());
        assertThat(within.get("totalElements").asLong()).isEqualTo(2);
        assertThat(within.get("totalPages").asInt()).isEqualTo(2);
        assertThat(discovery().ids("q=" + word + "&availableWithinDays=400")).as("looks as far as the horizon")
                .containsExactlyInAnyOrder(daily.id(), later.id());
    }

    // ---- bad input ------------------------------------------------------------------------------------------------

    @Test
    void badSearchParametersAreProblemsNamingTheParameter() {
        assertBadParameter("page=-1", "page");
        assertBadParameter("size=0", "size");
        assertBadParameter("size=51", "size");
        assertBadParameter("minRating=0.5", "minRating");
        assertBadParameter("minRating=6", "minRating");
        assertBadParameter("minRating=high", "minRating");
        assertBadParameter("maxPrice=0", "maxPrice");
        assertBadParameter("availableWithinDays=0", "availableWithinDays");
        assertBadParameter("sort=popular", "sort");
        assertBadParameter("sort=RATING", "sort");
        assertBadParameter("q=" + "x".repeat(101), "q");
        assertThat(discovery().search("size=50&sort=nextAvailable&minRating=1").status()).isEqualTo(200);
        assertThat(discovery().search("").status()).as("no parameters at all").isEqualTo(200);
        Response withToken = api().get("/api/mentors?size=1", student());
        assertThat(withToken.status()).as("signed in too: %s", withToken).isEqualTo(200);
    }

    // ---- replay ---------------------------------------------------------------------------------------------------

    @Test
    void aReplayOfTheDiscoveryProcessorRebuildsTheSameAnswers() {
        String word = uniqueWord();
        Mentor a = newActiveMentor("Replay Alpha", profile(word, "bio", List.of("Java", "Kotlin"), "Backend", "Acme",
                List.of("English"), 3));
        Mentor b = newActiveMentor("Replay Beta", profile(word, "bio", List.of("Go"), "Platform", "Globex",
                List.of("English", "Hindi"), 1));
        Mentor c = newActiveMentor("Replay Gamma", profile(word, "bio", List.of("Rust"), null, null,
                List.of("German"), 2));
        Mentor erased = newActiveMentor("Replay Erased", profile(word, "bio", List.of("Java"), null, null,
                List.of("English"), 2));
        bookings().completedAndRated(STUDENT_ID, erased.id(), 2);
        assertThat(identity().adminPost(admin(), erased.id(), "erase", "asked to be forgotten").status())
                .isEqualTo(204); // a replay reads their events with the personal fields erased
        UUID rated = bookings().completed(STUDENT_ID, a.id());
        bookings().rated(rated, STUDENT_ID, a.id(), 4, SessionExperience.GOOD, true, "Good pace", Instant.now());
        bookings().completedAndRated(OTHER_STUDENT_ID, a.id(), 3);
        bookings().completedAndRated(STUDENT_ID, b.id(), 5);
        bookings().settled(rated, STUDENT_ID, a.id(), BookingStatus.COMPLETED); // a duplicate: counts once
        bookings().completed(STUDENT_ID, c.id());
        discovery().awaitSearch("q=" + word, page -> page.get("totalElements").asInt() == 3
                && card(page, c.id()).get("completedSessions").asLong() == 1
                && card(page, a.id()).get("ratingsCount").asLong() == 2);
        List<String> queries = List.of("q=" + word, "q=" + word + "&sort=sessions", "q=" + word + "&sort=price",
                "q=" + word + "&language=english&minRating=3", "q=" + encode(word + " replay gamma"));
        Map<String, String> before = answers(queries, a.id());
        // a row no event stands for: the rebuild must not keep it
        UUID stray = UUID.randomUUID();
        jdbc.update("INSERT INTO discovery_mentor (user_id, status, erased, name, expertise, languages, price, "
                + "search_text, completed_sessions, ratings_count, ratings_sum, last_sequence) VALUES (?, 'ACTIVE', "
                + "FALSE, 'Stray', '[]', '[]', 1, ?, 0, 0, 0, 0)", stray, " " + word + " ");
        assertThat(discovery().ids("q=" + word)).contains(stray);

        StreamingEventProcessor processor = processing.eventProcessor(MentorDiscoveryProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await("the replay").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> !processor.isReplaying() && answers(queries, a.id()).equals(before));
        assertThat(discovery().ids("q=" + word)).doesNotContain(stray, erased.id()).hasSize(3);
        assertThat(answers(queries, a.id())).isEqualTo(before);
        assertThat(parkedEvents()).as("the replay failed on nothing").isZero();
    }

    // ---- steps ----------------------------------------------------------------------------------------------------

    /** A mentor a test made, signed in. */
    private record Mentor(UUID id, String token) {
    }

    private static Map<String, Object> profile(String headline, String bio, List<String> expertise, String track,
                                               String company, List<String> languages, int price) {
        return json("headline", headline, "bio", bio, "expertise", expertise, "track", track, "company", company,
                "languages", languages, "timeZone", BERLIN, "pricePerSession", price);
    }

    /** A new account named {@code name} that applied with {@code profile}. */
    private Mentor newApplicant(String name, Map<String, Object> profile) {
        String email = IdentityApi.newEmail("mentor");
        identity().signUpAndVerify(email, IdentityApi.PASSWORD, name);
        IdentityApi.Tokens tokens = identity().login(email, IdentityApi.PASSWORD);
        Response applied = mentors().applyRequest(tokens.accessToken(), profile);
        assertThat(applied.status()).as("apply: %s", applied).isEqualTo(201);
        return new Mentor(tokens.userId(), tokens.accessToken());
    }

    /** A new active mentor named {@code name} with {@code profile}, whose token already carries the MENTOR role. */
    private Mentor newActiveMentor(String name, Map<String, Object> profile) {
        Mentor mentor = newApplicant(name, profile);
        Response approved = mentors().approve(admin(), mentor.id());
        assertThat(approved.status()).as("approve: %s", approved).isEqualTo(204);
        await("the MENTOR role").atMost(MentorApi.READ_MODEL_WAIT).until(() ->
                identity().me(mentor.token()).body().path("roles").toString().contains("MENTOR"));
        return mentor;
    }

    /** A word nobody else's mentors use, to find this test's mentors only. */
    private static String uniqueWord() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    /** Events the discovery processor failed on and parked in its dead-letter queue. */
    private int parkedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry WHERE processing_group = ?",
                Integer.class, MentorDiscoveryProjection.PROCESSING_GROUP);
    }

    private Map<String, String> answers(List<String> queries, UUID reviewed) {
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        queries.forEach(query -> answers.put(query, discovery().search(query).rawBody()));
        answers.put("reviews", discovery().reviews(null, reviewed, "").rawBody());
        answers.put("leaderboard", discovery().wholeLeaderboard().toString());
        return answers;
    }

    private void assertBadParameter(String query, String parameter) {
        Response response = discovery().search(query);
        assertProblem(response, 400, "validation");
        List<String> fields = new ArrayList<>();
        response.body().get("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).as("%s: %s", query, response).containsExactly(parameter);
    }

    private static JsonNode card(JsonNode page, UUID mentorId) {
        for (JsonNode card : page.get("mentors")) {
            if (card.get("mentorId").asText().equals(mentorId.toString())) {
                return card;
            }
        }
        throw new AssertionError("mentor " + mentorId + " not on the page " + page);
    }

    private static JsonNode line(List<JsonNode> board, UUID mentorId) {
        return board.stream().filter(e -> e.get("mentorId").asText().equals(mentorId.toString())).findFirst()
                .orElse(null);
    }

    /** Whether leaderboard line {@code a} ranks strictly before {@code b}. */
    private static boolean better(JsonNode a, JsonNode b) {
        long sessionsA = a.get("completedSessions").asLong();
        long sessionsB = b.get("completedSessions").asLong();
        if (sessionsA != sessionsB) {
            return sessionsA > sessionsB;
        }
        if (a.get("averageRating").isNull()) {
            return false;
        }
        return b.get("averageRating").isNull()
                || a.get("averageRating").decimalValue().compareTo(b.get("averageRating").decimalValue()) > 0;
    }

    /** The two ids in the order PostgreSQL sorts UUIDs (unsigned, byte by byte, as their text). */
    private static List<UUID> sorted(UUID x, UUID y) {
        return x.toString().compareTo(y.toString()) <= 0 ? List.of(x, y) : List.of(y, x);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.stream().collect(Collectors.toSet());
    }
}
