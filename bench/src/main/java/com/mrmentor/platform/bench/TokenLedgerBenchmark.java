package com.mrmentor.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts the server (the built jar, in its own JVM) on a fresh PostgreSQL database, drives hold + capture pairs over
 * HTTP with N concurrent clients (one wallet each) for T seconds after a warm-up, and prints commands per second,
 * latency percentiles and projection lag (time from a capture's 200 until the account read model shows it).
 * At the end it checks every wallet's balance against the pairs the clients completed.
 */
public final class TokenLedgerBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PORT = 18_080;
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final long STARTING_TOKENS = 10_000_000;
    /** Between two reads of the account while waiting for the read model; bounds the lag figure's resolution. */
    private static final long LAG_POLL_MILLIS = 1;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();    /** Hold+capture pairs completed per wallet, to know what its balance must be. */
    private final Map<UUID, Long> pairsDone = new ConcurrentHashMap<>();
    /** One capture in this many is followed by polling the read model until it shows the capture (0: never). */
    private int lagSampleEvery = 10;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        TokenLedgerBenchmark benchmark = new TokenLedgerBenchmark();
        benchmark.lagSampleEvery = Integer.parseInt(options.getOrDefault("lag-sample-every", "10"));
        benchmark.run(
                options.getOrDefault("server-jar", "axon/target/axon-0.1.0-SNAPSHOT.jar"),
                Integer.parseInt(options.getOrDefault("clients", "8")),
                Integer.parseInt(options.getOrDefault("seconds", "30")),
                Integer.parseInt(options.getOrDefault("warmup-seconds", "10")),
                options.getOrDefault("log", "bench-server.log"),
                options.getOrDefault("db-host", "127.0.0.1"));
    }

    private void run(String serverJar, int clients, int seconds, int warmupSeconds, String log, String dbHost)
            throws Exception {
        String database = "mentor_platform_bench";
        recreateDatabase(dbHost, database);
        String adminPassword = randomSecret(18);
        Process server = startServer(serverJar, dbHost, database, adminPassword, log);
        try {
            awaitHealthy(server);
            String token = login("bench-admin@local", adminPassword);
            List<UUID> wallets = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                UUID user = UUID.randomUUID();
                JsonNode grant = post("/api/tokens/grants", token, Map.of("userId", user.toString(),
                        "amount", STARTING_TOKENS, "category", "PAID", "reason", "benchmark"), 201);
                if (!"GRANTED".equals(grant.path("status").asText())) {
                    throw new IllegalStateException("grant not credited: " + grant);
                }
                wallets.add(user);
            }
            System.out.printf("warm-up: %d s with %d clients%n", warmupSeconds, clients);
            drive(token, wallets, warmupSeconds, false);
            System.out.printf("measuring: %d s with %d clients%n", seconds, clients);
            Result result = drive(token, wallets, seconds, true);
            result.print(clients, seconds);
            verifyBalances(token, wallets);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** Each client works on its own wallet, so wallets run in parallel and each wallet's commands in sequence. */
    private Result drive(String token, List<UUID> wallets, int seconds, boolean measure) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(wallets.size());
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<ClientStats>> futures = new ArrayList<>();
        for (UUID wallet : wallets) {
            futures.add(pool.submit(() -> client(token, wallet, deadline, measure)));
        }
        Result result = new Result();
        for (Future<ClientStats> future : futures) {
            result.add(future.get());
        }
        pool.shutdown();
        return result;
    }

    private ClientStats client(String token, UUID wallet, long deadline, boolean measure) throws Exception {
        ClientStats stats = new ClientStats();
        String expiresAt = Instant.now().plus(Duration.ofHours(2)).toString();
        while (System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            JsonNode hold = post("/api/tokens/holds", token, Map.of("userId", wallet.toString(), "amount", 1,
                    "reference", "bench", "expiresAt", expiresAt), 201);
            long t1 = System.nanoTime();
            post("/api/tokens/holds/" + hold.get("holdId").asText() + "/capture", token, null, 200);
            long t2 = System.nanoTime();
            pairsDone.merge(wallet, 1L, Long::sum);
            stats.holdNanos.add(t1 - t0);
            stats.captureNanos.add(t2 - t1);
            if (measure && lagSampleEvery > 0 && stats.captureNanos.size() % lagSampleEvery == 0) {
                stats.lagNanos.add(awaitReadModel(token, wallet, t2));
            }
        }
        return stats;
    }

    /** Polls the account until its balance reflects every capture so far; returns the time since {@code since}. */
    private long awaitReadModel(String token, UUID wallet, long since) throws Exception {
        long expectedBalance = STARTING_TOKENS - pairsDone.get(wallet);
        while (true) {
            JsonNode account = get("/api/tokens/accounts/" + wallet, token);
            if (account.get("balance").asLong() <= expectedBalance) {
                return System.nanoTime() - since;
            }
            Thread.sleep(LAG_POLL_MILLIS);
        }
    }

    private void verifyBalances(String token, List<UUID> wallets) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (UUID wallet : wallets) {
            long expected = STARTING_TOKENS - pairsDone.getOrDefault(wallet, 0L);
            long balance;
            do {
                balance = get("/api/tokens/accounts/" + wallet, token).get("balance").asLong();
            } while (balance != expected && System.nanoTime() < deadline);
            if (balance != expected) {
                throw new IllegalStateException("wallet " + wallet + " shows " + balance + ", expected " + expected);
            }
        }
        System.out.printf("consistency: all %d wallets' read-model balances equal the pairs completed%n",
                wallets.size());
    }

    // ---- server lifecycle ------------------------------------------------------------------------------------

    private static void recreateDatabase(String host, String database) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
    }

    private static Process startServer(String jar, String dbHost, String database, String adminPassword, String log)
            throws Exception {
        if (!new File(jar).isFile()) {
            throw new IllegalStateException("Server jar not found: " + jar + " (build with ./mvnw -Pbench verify)");
        }
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx2g", "-jar", jar,
                "--spring.profiles.active=postgres",
                "--server.port=" + PORT,
                // the benchmark grants its wallets in one go, above the approval threshold
                "--platform.tokens.approval-threshold=" + STARTING_TOKENS,
                "--logging.structured.format.console=",
                "--logging.level.root=WARN");
        builder.environment().put("DB_URL", "jdbc:postgresql://" + dbHost + ":5432/" + database);
        builder.environment().put("DB_USER", "postgres");
        builder.environment().put("JWT_SECRET", randomSecret(32));
        builder.environment().put("PII_MASTER_KEY", randomSecret(32));
        builder.environment().put("ADMIN_EMAIL", "bench-admin@local");
        builder.environment().put("ADMIN_PASSWORD", adminPassword);
        // the postgres profile refuses the providers' development secrets: the simulators, explicitly
        builder.environment().put("PAYMENT_PROVIDER", "simulator");
        builder.environment().put("PAYOUT_PROVIDER", "simulator");
        builder.redirectErrorStream(true).redirectOutput(new File(log));
        System.out.println("starting server: " + jar + " (log: " + log + ")");
        return builder.start();
    }

    private void awaitHealthy(Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("server exited with " + server.exitValue() + "; see its log");
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(500); // polling a starting server process, not a test
        }
        throw new IllegalStateException("server did not become healthy in 120 s");
    }

    private static String randomSecret(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    private String login(String email, String password) throws Exception {
        return post("/api/auth/login", null, Map.of("email", email, "password", password), 200)
                .get("accessToken").asText();
    }

    private JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private JsonNode post(String path, String token, Object body, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException("POST " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    // ---- figures ---------------------------------------------------------------------------------------------

    private static final class ClientStats {
        final List<Long> holdNanos = new ArrayList<>();
        final List<Long> captureNanos = new ArrayList<>();
        final List<Long> lagNanos = new ArrayList<>();
    }

    private static final class Result {
        final List<Long> holds = new ArrayList<>();
        final List<Long> captures = new ArrayList<>();
        final List<Long> lags = new ArrayList<>();

        void add(ClientStats stats) {
            holds.addAll(stats.holdNanos);
            captures.addAll(stats.captureNanos);
            lags.addAll(stats.lagNanos);
        }

        void print(int clients, int seconds) {
            List<Long> all = new ArrayList<>(holds);
            all.addAll(captures);
            Runtime runtime = Runtime.getRuntime();
            System.out.println();
            System.out.println("=== token ledger benchmark ===");
            System.out.printf("machine: %d cores, %d MiB max heap for the client, Java %s, %s %s%n",
                    runtime.availableProcessors(), runtime.maxMemory() / (1024 * 1024),
                    System.getProperty("java.version"), System.getProperty("os.name"),
                    System.getProperty("os.arch"));
            System.out.printf("clients: %d (one wallet each), measured: %d s%n", clients, seconds);
            System.out.printf("commands: %d (%d hold + %d capture)%n", all.size(), holds.size(), captures.size());
            System.out.printf("throughput: %.1f commands/s (%.1f hold+capture pairs/s)%n",
                    all.size() / (double) seconds, captures.size() / (double) seconds);
            System.out.printf("latency all commands: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    percentile(all, 50), percentile(all, 99), percentile(all, 100));
            System.out.printf("latency hold:    p50 %.1f ms, p99 %.1f ms%n", percentile(holds, 50), percentile(holds, 99));
            System.out.printf("latency capture: p50 %.1f ms, p99 %.1f ms%n",
                    percentile(captures, 50), percentile(captures, 99));
            System.out.printf("projection lag (capture 200 -> account read model shows it, %d samples): "
                    + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", lags.size(), percentile(lags, 50),
                    percentile(lags, 99), percentile(lags, 100));
        }

        private static double percentile(List<Long> nanos, double p) {
            if (nanos.isEmpty()) {
                return Double.NaN;
            }
            long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
        }
    }
}
