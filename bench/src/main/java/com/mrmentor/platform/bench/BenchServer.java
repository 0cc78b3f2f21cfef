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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The server under benchmark: the built jar in its own JVM on a fresh PostgreSQL database ({@code postgres} profile,
 * random JWT and personal-data keys, a random administrator password), and a small JSON client for it.
 */
final class BenchServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String jar;
    private final String dbHost;
    private final String database;
    private final int port;
    private final String log;
    private final String jwtSecret = randomSecret(32);
    private final String personalDataKey = randomSecret(32);
    final String adminEmail = "bench-admin@local";
    final String adminPassword = randomSecret(18);
    private Process process;
    /** Heap of the server's JVM (the budget: every workload runs in 512 MiB). */
    private String maxHeap = "512m";
    /** A file whose content is the bench clock's offset in milliseconds, or null for the platform's own clock. */
    private java.nio.file.Path clockOffsetFile;

    BenchServer(String jar, String dbHost, String database, int port, String log) {
        this.jar = jar;
        this.dbHost = dbHost;
        this.database = database;
        this.port = port;
        this.log = log;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + dbHost + ":5432/" + database;
    }

    Connection connect() throws Exception {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    void recreateDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + dbHost + ":5432/postgres", "postgres",
                "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
    }

    BenchServer maxHeap(String heap) {
        this.maxHeap = heap;
        return this;
    }

    /**
     * Runs the server with {@link BenchClock}: the platform's clock moved by the milliseconds written to
     * {@code offsetFile} (see {@link #moveClock}); the server jar is unchanged, the clock comes in on Spring Boot's
     * {@code loader.path}.
     */
    BenchServer withBenchClock(java.nio.file.Path offsetFile) throws java.io.IOException {
        this.clockOffsetFile = offsetFile;
        java.nio.file.Files.writeString(offsetFile, "0"); // a run starts on the machine's time
        return this;
    }

    /** Moves the bench clock to {@code offset} ahead of the machine's time (read by the server within 50 ms). */
    void moveClock(Duration offset) throws Exception {
        java.nio.file.Path next = clockOffsetFile.resolveSibling(clockOffsetFile.getFileName() + ".next");
        java.nio.file.Files.writeString(next, Long.toString(offset.toMillis()));
        java.nio.file.Files.move(next, clockOffsetFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(200); // the server re-reads the file every 50 ms
    }

    /** Starts the server (same keys on every start, so events written by one start are read by the next). */
    void start(String... extraArguments) throws Exception {
        if (!new File(jar).isFile()) {
            throw new IllegalStateException("Server jar not found: " + jar + " (build with ./mvnw -Pbench verify)");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + maxHeap));
        String extraJvm = System.getenv().getOrDefault("BENCH_SERVER_JVM_OPTIONS", "");
        if (!extraJvm.isBlank()) {
            command.addAll(List.of(extraJvm.trim().split("\\s+")));
        }
        if (clockOffsetFile == null) {
            command.addAll(List.of("-jar", jar));
        } else {
            command.addAll(List.of("-Dloader.path=" + BenchClock.extensionJar(clockOffsetFile.getParent()),
                    "-D" + BenchClock.OFFSET_FILE_PROPERTY + "=" + clockOffsetFile.toAbsolutePath(), "-cp", jar,
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        }
        command.addAll(List.of("--spring.profiles.active=postgres", "--server.port=" + port,
                "--logging.structured.format.console=", "--logging.level.root=WARN"));
        command.addAll(List.of(extraArguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DB_URL", jdbcUrl());
        builder.environment().put("DB_USER", "postgres");
        builder.environment().put("JWT_SECRET", jwtSecret);
        builder.environment().put("PII_MASTER_KEY", personalDataKey);
        builder.environment().put("ADMIN_EMAIL", adminEmail);
        builder.environment().put("ADMIN_PASSWORD", adminPassword);
        // no real payment or payout provider on a benchmark machine (and no outside network)
        builder.environment().put("PAYMENT_PROVIDER", "simulator");
        builder.environment().put("PAYOUT_PROVIDER", "simulator");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log)));
        System.out.println("starting server: " + jar + " (log: " + log + ")");
        process = builder.start();
        awaitHealthy();
    }

    String dbHost() {
        return dbHost;
    }

    /** The server process's CPU time so far (user + system), from /proc; -1 where /proc is not there. */
    double cpuSeconds() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime in ticks
        } catch (Exception notLinux) {
            return -1;
        }
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(500); // polling a starting server process, not a test
        }
        throw new IllegalStateException("server did not become healthy in 180 s");
    }

    String login() throws Exception {
        return login(adminEmail, adminPassword);
    }

    String login(String email, String password) throws Exception {
        return send("POST", "/api/auth/login", null, java.util.Map.of("email", email, "password", password), 200)
                .get("accessToken").asText();
    }

    JsonNode get(String path, String token) throws Exception {
        return send("GET", path, token, null, 200);
    }

    JsonNode send(String method, String path, String token, Object body, int expectedStatus) throws Exception {
        HttpResponse<String> response = raw(method, path, token, body);
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " "
                    + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    HttpResponse<String> raw(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpClient http() {
        return http;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String randomSecret(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
