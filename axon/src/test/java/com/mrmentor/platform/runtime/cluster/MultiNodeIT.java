package com.mrmentor.platform.runtime.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.Concurrently;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.MentorApi;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two server processes of the packaged jar on one PostgreSQL database, as behind a load balancer without Axon
 * Server (docs/adr/0012): they start together on an empty database, split the two-segment processors between them,
 * keep every invariant when the same wallet or the same slot is raced through both, and when one is killed
 * ({@code SIGKILL}) under load, every command it acknowledged is in the event store and in the read models, and the
 * survivor holds every segment within {@link #TAKEOVER_LIMIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {

    /**
     * Its own database, dropped and recreated by every run: named after {@code TEST_DB_NAME} when that is set, so that
     * two checkouts testing on one PostgreSQL server at once do not drop each other's.
     */
    private static final String DATABASE = System.getenv("TEST_DB_NAME") == null
            || !System.getenv("TEST_DB_NAME").matches("[a-z_][a-z0-9_]{0,40}") ? "mentor_platform_multinode"
            : System.getenv("TEST_DB_NAME") + "_multinode";
    private static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
    private static final String ADMIN_EMAIL = "admin@nodes.local";
    private static final String ADMIN_PASSWORD = "multinode-admin-password";
    private static final String USER_PASSWORD = "multinode-user-password";
    private static final List<String> USERS = List.of("mentor@nodes.local", "first@nodes.local",
            "second@nodes.local");
    private static final List<String> TWO_SEGMENT_PROCESSORS = List.of("token-accounts", "token-ledger");
    /** The issue's bound on the takeover of a killed node's segments, and on its read models catching up. */
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(15);
    private static final Duration START_LIMIT = Duration.ofSeconds(150);
    /** This machine's name as a JVM's runtime name spells it ({@code pid@host}); the nodes run here too. */
    private static final String HOST = java.lang.management.ManagementFactory.getRuntimeMXBean().getName()
            .replaceFirst("^[^@]*@", "");

    private final Node one = new Node("one");
    private final Node two = new Node("two");
    private String admin;

    @BeforeAll
    void startBothNodesAtOnceOnAnEmptyDatabase() throws Exception {
        recreateDatabase();
        long started = System.nanoTime();
        one.start();
        two.start();
        one.awaitHealthy();
        two.awaitHealthy();
        System.out.printf("MultiNodeIT: both nodes healthy %d ms after they were started together%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        admin = loginOnceReady(one.api, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @AfterAll
    void killBothNodes() {
        one.kill();
        two.kill();
    }

    @Test
    @Order(1)
    void bothNodesStartingTogetherOnAnEmptyDatabaseCreateTheConfiguredAccountsOnce() throws Exception {
        assertThat(one.process.isAlive()).as("node one runs (see %s)", one.log).isTrue();
        assertThat(two.process.isAlive()).as("node two runs (see %s)", two.log).isTrue();
        // each configured account, created by whichever node got there first, exactly once
        for (String email : concat(ADMIN_EMAIL, USERS)) {
            assertThat(loginOnceReady(two.api, email, email.equals(ADMIN_EMAIL) ? ADMIN_PASSWORD : USER_PASSWORD))
                    .isNotBlank();
        }
        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.AccountRegistered'"))
                .as("accounts registered").isEqualTo(1 + USERS.size());
        // the document series are opened at start-up by both nodes: once each
        assertThat(count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.DocumentSeriesOpened'"))
                .isPositive()
                .isEqualTo(count("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry "
                        + "WHERE payload_type LIKE '%.DocumentSeriesOpened'"));
        assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE NOT success")).isZero();
        // every recurring db-scheduler task exists once, whoever registered it
        assertThat(count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'dead-letter-retry'")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theTwoSegmentProcessorsEndWithOneSegmentOnEachNode() throws Exception {
        await("both segments claimed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> TWO_SEGMENT_PROCESSORS.stream().allMatch(p -> owners(p).size() == 2
                        && !owners(p).containsValue(null)));
        for (String processor : TWO_SEGMENT_PROCESSORS) {
            Map<Integer, String> owners = owners(processor);
            System.out.printf("MultiNodeIT: %s after a joint start: segment 0 on node %s, segment 1 on node %s%n",
                    processor, nodeOf(owners.get(0)), nodeOf(owners.get(1)));
            if (owners.get(0).equals(owners.get(1))) {
                // Axon does not rebalance: the node that claimed both keeps them until told to let one go
                Node holder = nodeOf(owners.get(1));
                Node other = holder == one ? two : one;
                ApiClient.Response refused = other.api.post("/api/admin/projections/" + processor
                        + "/segments/1/release", admin, null);
                assertThat(refused.status()).as("%s", refused).isEqualTo(409);
                assertThat(refused.problemType()).isEqualTo("/problems/segment-not-held-here");
                assertThat(refused.body().path("detail").asText()).contains(owners.get(1));
                ApiClient.Response released = holder.api.post("/api/admin/projections/" + processor
                        + "/segments/1/release", admin, null);
                assertThat(released.status()).as("%s", released).isEqualTo(202);
                assertThat(released.body().get("releasedBy").asText()).isEqualTo(owners.get(1));
            }
        }
        await("one segment on each node").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    for (String processor : TWO_SEGMENT_PROCESSORS) {
                        assertThat(owners(processor).values().stream().map(this::nodeOf).collect(Collectors.toSet()))
                                .as("nodes holding %s", processor).containsExactlyInAnyOrder(one, two);
                    }
                });
        // the operations view of either node reports the same owners as the token store
        for (String processor : TWO_SEGMENT_PROCESSORS) {
            JsonNode view = two.api.get("/api/admin/projections/" + processor, admin).body();
            Map<Integer, String> reported = new HashMap<>();
            view.get("segments").forEach(s -> reported.put(s.get("segment").asInt(), s.get("owner").asText()));
            assertThat(reported).isEqualTo(owners(processor));
            System.out.printf("MultiNodeIT: %s now: segment 0 on node %s, segment 1 on node %s%n", processor,
                    nodeOf(reported.get(0)), nodeOf(reported.get(1)));
        }
    }

    @Test
    @Order(3)
    void aWalletRacedFromBothNodesIsNeverOverspent() throws Exception {
        UUID wallet = UUID.randomUUID();
        new TokenApi(one.api).grant(admin, wallet, 5, "PAID");
        String expiresAt = Instant.now().plus(Duration.ofHours(1)).toString();
        List<Callable<ApiClient.Response>> holds = new ArrayList<>();
        AtomicInteger lostRaces = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            Node node = i % 2 == 0 ? one : two;
            Map<String, Object> body = json("userId", wallet, "amount", 1, "reference", "seat-" + i,
                    "expiresAt", expiresAt);
            holds.add(() -> sendRetryingLostRaces(node.api, "/api/tokens/holds", body, lostRaces));
        }

        List<ApiClient.Response> answers = Concurrently.run(holds);

        System.out.printf("MultiNodeIT: 20 holds on one wallet of 5 through both nodes: %d append race(s) lost "
                + "across nodes and retried with the same Idempotency-Key%n", lostRaces.get());
        assertThat(answers).filteredOn(r -> r.status() == 201).as("holds placed").hasSize(5);
        assertThat(answers).filteredOn(r -> r.status() != 201).hasSize(15).allSatisfy(r -> {
            assertThat(r.status()).as("%s", r).isEqualTo(409);
            assertThat(r.problemType()).isEqualTo("/problems/insufficient-tokens");
        });
        TokenApi tokens = new TokenApi(two.api);
        assertThat(tokens.eventTypes(admin, wallet)).filteredOn("TokensHeld"::equals).hasSize(5);
        await("the read models of both nodes").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (Node node : List.of(one, two)) {
                JsonNode account = new TokenApi(node.api).account(admin, wallet);
                assertThat(account.get("balance").asLong()).isEqualTo(5);
                assertThat(account.get("held").asLong()).isEqualTo(5);
                assertThat(account.get("available").asLong()).isZero();
            }
            assertThat(tokens.ledger(admin, wallet)).hasSize(6); // the grant and five holds
        });
    }

    /**
     * Each node caches the wallets it loads (FreshAggregateCache). A wallet node one has cached and node two then
     * credits must be seen at once by node one: a cache not checked against the event store would refuse the second
     * hold as {@code insufficient-tokens} from its old state (a refusal appends nothing, so no conflict would correct
     * it), and would lose every alternate-node append race.
     */
    @Test
    @Order(3)
    void aWalletCachedOnOneNodeActsOnWhatTheOtherNodeAppended() {
        UUID wallet = UUID.randomUUID();
        String expiresAt = Instant.now().plus(Duration.ofHours(1)).toString();
        new TokenApi(one.api).grant(admin, wallet, 1, "PAID");
        ApiClient.Response first = one.api.post("/api/tokens/holds", admin, json("userId", wallet, "amount", 1,
                "reference", "cached-on-one", "expiresAt", expiresAt));
        assertThat(first.status()).as("%s", first).isEqualTo(201); // node one now holds the wallet in its cache

        new TokenApi(two.api).grant(admin, wallet, 2, "PAID");
        ApiClient.Response second = one.api.post("/api/tokens/holds", admin, json("userId", wallet, "amount", 2,
                "reference", "after-two-credited", "expiresAt", expiresAt));

        assertThat(second.status()).as("node one acts on node two's grant: %s", second).isEqualTo(201);
        for (int i = 0; i < 6; i++) {
            Node node = i % 2 == 0 ? two : one;
            ApiClient.Response grant = node.api.post("/api/tokens/grants", admin, json("userId", wallet, "amount", 1,
                    "category", "PAID", "reason", "alternate " + i));
            assertThat(grant.status()).as("alternating nodes, one after the other: %s", grant).isEqualTo(201);
        }
        assertThat(new TokenApi(two.api).eventTypes(admin, wallet)).filteredOn("TokensGranted"::equals).hasSize(8);
    }

    @Test
    @Order(4)
    void twoStudentsRacingForOneSlotThroughDifferentNodesBookItOnce() throws Exception {
        String mentor = loginOnceReady(one.api, USERS.get(0), USER_PASSWORD);
        UUID mentorId = TokenApi.subjectOf(mentor);
        String first = loginOnceReady(one.api, USERS.get(1), USER_PASSWORD);
        String second = loginOnceReady(two.api, USERS.get(2), USER_PASSWORD);
        MentorApi mentors = new MentorApi(one.api);
        mentors.apply(mentor, "Europe/Berlin");
        assertThat(mentors.approve(admin, mentorId).status()).isEqualTo(204);
        await("the MENTOR role").atMost(Duration.ofSeconds(20)).until(() -> two.api.put("/api/mentors/me/availability",
                mentor, json("windows", MentorApi.everyDay("00:00", "00:00"), "bufferMinutes", 0)).status() == 204);
        for (String student : List.of(first, second)) {
            new TokenApi(two.api).grant(admin, TokenApi.subjectOf(student), 10, "PAID");
        }

        int rounds = 3;
        AtomicInteger lostRaces = new AtomicInteger();
        for (int round = 0; round < rounds; round++) {
            String start = BookingApi.slot(Instant.now(), Duration.ofHours(14 + round)).toString();
            List<ApiClient.Response> answers = Concurrently.run(List.of(
                    () -> sendRetryingLostRaces(one.api, "/api/bookings", first,
                            json("mentorId", mentorId, "start", start, "topic", "via node one"), lostRaces),
                    () -> sendRetryingLostRaces(two.api, "/api/bookings", second,
                            json("mentorId", mentorId, "start", start, "topic", "via node two"), lostRaces)));
            assertThat(answers).filteredOn(r -> r.status() == 201).as("round %d: %s", round, answers).hasSize(1);
            assertThat(answers).filteredOn(r -> r.status() != 201).singleElement().satisfies(r -> {
                assertThat(r.status()).as("%s", r).isEqualTo(409);
                assertThat(r.problemType()).isEqualTo("/problems/slot-unavailable");
            });
        }

        await("the bookings read model").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ApiClient.Response booked = two.api.get("/api/admin/bookings?mentorId=" + mentorId, admin);
            assertThat(booked.body().get("total").asLong()).as("%s", booked).isEqualTo(rounds);
            // only the winners pay: two tokens held per booking, however the races went
            long held = 0;
            for (String student : List.of(first, second)) {
                held += new TokenApi(one.api).account(admin, TokenApi.subjectOf(student)).get("held").asLong();
            }
            assertThat(held).isEqualTo(2L * rounds);
        });
    }

    @Test
    @Order(5)
    void aKeyedRequestRetriedThroughTheOtherNodeDoesNotActTwice() {
        UUID wallet = UUID.randomUUID();
        Map<String, Object> grant = json("userId", wallet, "amount", 3, "category", "PAID", "reason", "keyed");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        ApiClient.Response original = one.api.post("/api/tokens/grants", admin, grant, key);
        ApiClient.Response retried = two.api.post("/api/tokens/grants", admin, grant, key);

        assertThat(original.status()).as("%s", original).isEqualTo(201);
        assertThat(retried.status()).as("%s", retried).isEqualTo(201);
        assertThat(retried.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retried.body().get("grantId")).isEqualTo(original.body().get("grantId"));
        assertThat(new TokenApi(two.api).eventTypes(admin, wallet)).filteredOn("TokensGranted"::equals).hasSize(1);
    }

    /**
     * Clients grant tokens through both nodes and note every 201; the node holding more segments is killed with
     * SIGKILL halfway. Afterwards each noted grant is in the event store and in the survivor's read models, and the
     * survivor took over every segment of the dead node within {@link #TAKEOVER_LIMIT}.
     */
    @Test
    @Order(6)
    void killingANodeUnderLoadLosesNoAcknowledgedCommandAndTheSurvivorTakesOverItsSegments() throws Exception {
        Node victim = segmentsHeldBy(one) >= segmentsHeldBy(two) ? one : two;
        Node survivor = victim == one ? two : one;
        String victimOwner = victim.owner();
        int victimSegments = segmentsHeldBy(victim);
        assertThat(victimSegments).as("segments of the node to kill").isPositive();
        List<UUID> wallets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            wallets.add(UUID.randomUUID());
        }
        Map<UUID, UUID> acknowledged = new ConcurrentHashMap<>(); // grant -> wallet
        AtomicInteger acknowledgedByTheVictim = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger refusedByTheDead = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> load = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            Node node = c % 2 == 0 ? one : two;
            int client = c;
            load.add(clients.submit(() -> {
                for (int i = 0; running.get() && i < 2000; i++) {
                    UUID wallet = wallets.get((client + i) % wallets.size());
                    try {
                        ApiClient.Response answer = node.api.post("/api/tokens/grants", admin, json("userId", wallet,
                                "amount", 1, "category", "PAID", "reason", "load " + client + "-" + i));
                        if (answer.status() == 201) {
                            acknowledged.put(UUID.fromString(answer.body().get("grantId").asText()), wallet);
                            if (node == victim) {
                                acknowledgedByTheVictim.incrementAndGet();
                            }
                        }
                    } catch (RuntimeException connectionLost) {
                        refusedByTheDead.incrementAndGet(); // no answer: not acknowledged
                        sleep(50);
                    }
                }
            }));
        }
        await("load on both nodes").atMost(Duration.ofSeconds(20))
                .until(() -> acknowledged.size() >= 40 && acknowledgedByTheVictim.get() >= 10);

        victim.process.destroyForcibly(); // SIGKILL: no shutdown hook, claims are not released
        long killedAt = System.nanoTime();
        victim.process.waitFor(10, TimeUnit.SECONDS);
        int acknowledgedAtKill = acknowledged.size();
        int acknowledgedByTheVictimAtKill = acknowledgedByTheVictim.get();

        long[] ownedAfter = new long[1];
        await("the survivor holds every segment").atMost(TAKEOVER_LIMIT.plusSeconds(15))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    boolean all = count("SELECT count(*) FROM token_entry WHERE owner IS DISTINCT FROM '"
                            + survivor.owner() + "'") == 0;
                    if (all) {
                        ownedAfter[0] = System.nanoTime() - killedAt;
                    }
                    return all;
                });
        sleep(1000); // load goes on a moment on the survivor alone
        running.set(false);
        for (Future<?> client : load) {
            client.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        long[] caughtUpAfter = new long[1];
        await("the survivor's read models").atMost(TAKEOVER_LIMIT.plusSeconds(15))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    boolean caughtUp = readModelsShowEveryStoredGrant(survivor, wallets);
                    if (caughtUp) {
                        caughtUpAfter[0] = System.nanoTime() - killedAt;
                    }
                    return caughtUp;
                });
        Duration takeover = Duration.ofNanos(ownedAfter[0]);
        Duration caughtUp = Duration.ofNanos(caughtUpAfter[0]);
        System.out.printf("MultiNodeIT: killed node %s (%s, %d segments) with %d grants acknowledged (%d by it), "
                        + "%d in all (%d requests without an answer); the survivor held every segment %d ms after the "
                        + "kill and its read models showed every stored grant %d ms after it%n", victim.name,
                victimOwner, victimSegments, acknowledgedAtKill, acknowledgedByTheVictimAtKill, acknowledged.size(),
                refusedByTheDead.get(), takeover.toMillis(), caughtUp.toMillis());

        // every acknowledged grant is in the event store, once, and in the survivor's grant read model
        for (Map.Entry<UUID, UUID> grant : acknowledged.entrySet()) {
            assertThat(count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.TokensGranted' "
                    + "AND convert_from(payload, 'UTF8') LIKE '%" + grant.getKey() + "%'"))
                    .as("events of acknowledged grant %s", grant.getKey()).isEqualTo(1);
        }
        Map<UUID, Long> acknowledgedPerWallet = acknowledged.values().stream()
                .collect(Collectors.groupingBy(w -> w, Collectors.counting()));
        TokenApi tokens = new TokenApi(survivor.api);
        for (UUID wallet : wallets) {
            long stored = storedGrants(wallet);
            assertThat(stored).as("stored grants of %s", wallet)
                    .isGreaterThanOrEqualTo(acknowledgedPerWallet.getOrDefault(wallet, 0L));
            assertThat(tokens.account(admin, wallet).get("balance").asLong()).isEqualTo(stored);
            assertThat(tokens.ledger(admin, wallet)).hasSize((int) stored);
        }
        for (UUID grant : acknowledged.keySet()) {
            assertThat(tokens.grantView(admin, grant).status()).as("grant %s on the survivor", grant).isEqualTo(200);
        }
        assertThat(takeover).as("from the kill to the survivor holding every segment").isLessThan(TAKEOVER_LIMIT);
        assertThat(caughtUp).as("from the kill to the survivor's read models showing every grant")
                .isLessThan(TAKEOVER_LIMIT);
    }

    /** Whether the survivor's wallet and ledger read models count as many grants as the event store holds. */
    private boolean readModelsShowEveryStoredGrant(Node survivor, List<UUID> wallets) throws SQLException {
        for (UUID wallet : wallets) {
            long stored = storedGrants(wallet);
            ApiClient.Response account = survivor.api.get("/api/tokens/accounts/" + wallet, admin);
            ApiClient.Response ledger = survivor.api.get("/api/tokens/accounts/" + wallet + "/ledger?size=1", admin);
            if (account.status() != 200 || account.body().get("balance").asLong() != stored
                    || ledger.status() != 200 || ledger.body().get("totalElements").asLong() != stored) {
                return false;
            }
        }
        return true;
    }

    private static long storedGrants(UUID wallet) throws SQLException {
        return count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.TokensGranted' "
                + "AND convert_from(payload, 'UTF8') LIKE '%" + wallet + "%'");
    }

    /**
     * Sends a keyed write and, when it lost an append race to the other node ({@code concurrent-modification},
     * which the gateway already retried a few times), sends it again with the same key, as the API guide tells
     * clients to.
     */
    private ApiClient.Response sendRetryingLostRaces(ApiClient api, String path, Object body, AtomicInteger lost) {
        return sendRetryingLostRaces(api, path, admin, body, lost);
    }

    private static ApiClient.Response sendRetryingLostRaces(ApiClient api, String path, String token, Object body,
                                                            AtomicInteger lost) {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient.Response answer = api.post(path, token, body, key);
        for (int attempt = 0; attempt < 10 && "/problems/concurrent-modification".equals(answer.problemType());
             attempt++) {
            lost.incrementAndGet();
            answer = api.post(path, token, body, key);
        }
        return answer;
    }


    /** The owner of each segment of {@code processor} in the token store. */
    private static Map<Integer, String> owners(String processor) {
        Map<Integer, String> owners = new LinkedHashMap<>();
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("SELECT segment, owner FROM token_entry "
                     + "WHERE processor_name = ? ORDER BY segment")) {
            s.setString(1, processor);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getInt(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return owners;
    }

    private static int segmentsHeldBy(Node node) throws SQLException {
        return (int) count("SELECT count(*) FROM token_entry WHERE owner = '" + node.owner() + "'");
    }

    private Node nodeOf(String owner) {
        if (one.owner().equals(owner)) {
            return one;
        }
        if (two.owner().equals(owner)) {
            return two;
        }
        throw new AssertionError("a segment owner that is neither node: " + owner);
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(JDBC_URL, "postgres", "");
    }

    private static void recreateDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }

    /**
     * Signs in, waiting for the configured accounts: they are created by an application runner, which may still be
     * at work when the health check already answers.
     */
    private static String loginOnceReady(ApiClient api, String email, String password) {
        String[] token = new String[1];
        await("sign-in of " + email).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
                    token[0] = api.login(email, password);
                    return token[0] != null;
                });
        return token[0];
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return Collections.unmodifiableList(all);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis); // pacing a load client or letting load run on, not waiting for a result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The packaged server jar, built by {@code package} before failsafe runs. */
    private static File serverJar() {
        File[] jars = new File("target").listFiles((dir, file) -> file.matches("axon-.*\\.jar")
                && !file.endsWith("-sources.jar") && !file.endsWith("-javadoc.jar"));
        if (jars == null || jars.length != 1) {
            throw new IllegalStateException("expected one packaged server jar in target/ (run mvn verify): "
                    + (jars == null ? "no target/" : Set.of(jars)));
        }
        return jars[0];
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One server process on its own port; its log in {@code target/multinode-<name>.log}. */
    private static final class Node {

        final String name;
        final int port = freePort();
        final ApiClient api = new ApiClient(port);
        final File log;
        Process process;

        Node(String name) {
            this.name = name;
            this.log = new File("target/multinode-" + name + ".log");
        }

        void start() throws IOException {
            List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar",
                    serverJar().getAbsolutePath(), "--spring.profiles.active=postgres", "--server.port=" + port,
                    "--logging.structured.format.console=", "--logging.level.root=WARN",
                    "--logging.level.com.mrmentor.platform.runtime=INFO"));
            for (int i = 0; i < USERS.size(); i++) {
                command.add("--platform.security.users[" + i + "].email=" + USERS.get(i));
                command.add("--platform.security.users[" + i + "].password=" + USER_PASSWORD);
                command.add("--platform.security.users[" + i + "].roles=STUDENT");
            }
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("DB_URL", JDBC_URL);
            builder.environment().put("DB_USER", "postgres");
            builder.environment().put("JWT_SECRET", "bXVsdGktbm9kZS10ZXN0LWp3dC1rZXktdGhhdC1pcy1sb25nLWVub3VnaA==");
            builder.environment().put("PII_MASTER_KEY",
                    "bXVsdGktbm9kZS10ZXN0LXBpaS1tYXN0ZXIta2V5LWxvbmctZW5vdWdoLTEyMw==");
            builder.environment().put("ADMIN_EMAIL", ADMIN_EMAIL);
            builder.environment().put("ADMIN_PASSWORD", ADMIN_PASSWORD);
            // no payment or payout provider here: the simulators (their development secrets are then accepted)
            builder.environment().put("PAYMENT_PROVIDER", "simulator");
            builder.environment().put("PAYOUT_PROVIDER", "simulator");
            Files.createDirectories(log.getParentFile().toPath());
            builder.redirectErrorStream(true).redirectOutput(log);
            process = builder.start();
        }

        void awaitHealthy() {
            await("node " + name + " healthy").atMost(START_LIMIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(process.isAlive()).as("node %s runs (see %s)", name, log).isTrue();
                try {
                    return api.get("/actuator/health/readiness", null).status() == 200;
                } catch (RuntimeException notYetListening) {
                    return false;
                }
            });
        }

        /** The node's name in {@code token_entry.owner}: Axon's default, the JVM's {@code pid@host}. */
        String owner() {
            return process.pid() + "@" + HOST;
        }

        void kill() {
            if (process != null) {
                process.destroyForcibly();
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
