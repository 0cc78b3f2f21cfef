package com.mrmentor.platform.runtime.restart;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.MentorApi;
import com.mrmentor.platform.runtime.support.TokenApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deadlines are persistent: a hold placed on one server process is released at its expiry by the next process,
 * after the first one was killed. Runs the packaged server jar twice against its own PostgreSQL database.
 */
class DeadlinesSurviveRestartIT {

    /**
     * Its own database, dropped and recreated by every run: named after {@code TEST_DB_NAME} when that is set, so that
     * two checkouts testing on one PostgreSQL server at once do not drop each other's.
     */
    private static final String DATABASE = System.getenv("TEST_DB_NAME") == null
            || !System.getenv("TEST_DB_NAME").matches("[a-z_][a-z0-9_]{0,40}") ? "mentor_platform_restart_test"
            : System.getenv("TEST_DB_NAME") + "_restart";
    private static final String ADMIN_PASSWORD = "restart-admin-password";
    private static final String MENTOR_EMAIL = "mentor@restart.local";
    private static final String STUDENT_EMAIL = "student@restart.local";
    private static final String USER_PASSWORD = "restart-user-password";
    private final List<Process> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(Process::destroyForcibly);
    }

    @Test
    void aHoldPlacedBeforeAKillIsReleasedAtItsExpiryByTheNextServer() throws Exception {
        recreateDatabase();
        int port = freePort();
        ApiClient api = new ApiClient(port);

        Process first = startServer(port, "first");
        String admin = loginOnceReady(api, "admin@restart.local", ADMIN_PASSWORD);
        UUID user = UUID.randomUUID();
        assertThat(api.post("/api/tokens/grants", admin,
                json("userId", user, "amount", 5, "category", "PAID", "reason", "restart")).status()).isEqualTo(201);
        ApiClient.Response hold = api.post("/api/tokens/holds", admin, json("userId", user, "amount", 3,
                "reference", "booking-before-restart", "expiresAt", Instant.now().plusSeconds(25).toString()));
        assertThat(hold.status()).isEqualTo(201);

        first.destroyForcibly().waitFor();
        startServer(port, "second");
        String adminAgain = loginOnceReady(api, "admin@restart.local", ADMIN_PASSWORD);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode account = api.get("/api/tokens/accounts/" + user, adminAgain).body();
            assertThat(account.get("held").asLong()).isZero();
            assertThat(account.get("available").asLong()).isEqualTo(5);
        });
        JsonNode ledger = api.get("/api/tokens/accounts/" + user + "/ledger", adminAgain).body().get("entries");
        assertThat(ledger.get(0).get("type").asText()).isEqualTo("EXPIRED");
        assertThat(ledger.get(0).get("reference").asText()).isEqualTo("booking-before-restart");
    }

    /**
     * A booking request's 48-hour answer deadline (shortened to 25 seconds for this run) is a saga deadline: the
     * request is made on one server, which is killed; the next server expires it and the saga releases the hold.
     */
    @Test
    void aBookingRequestMadeBeforeAKillExpiresOnTheNextServerAndItsTokensGoBack() throws Exception {
        recreateDatabase();
        int port = freePort();
        ApiClient api = new ApiClient(port);

        Process first = startServer(port, "booking-first");
        String admin = loginOnceReady(api, "admin@restart.local", ADMIN_PASSWORD);
        String mentor = loginOnceReady(api, MENTOR_EMAIL, USER_PASSWORD);
        UUID mentorId = TokenApi.subjectOf(mentor);
        String student = loginOnceReady(api, STUDENT_EMAIL, USER_PASSWORD);
        UUID studentId = TokenApi.subjectOf(student);
        assertThat(api.post("/api/mentors/applications", mentor, MentorApi.profile("Europe/Berlin")).status())
                .isEqualTo(201);
        assertThat(api.post("/api/mentors/applications/" + mentorId + "/approve", admin, null).status())
                .isEqualTo(204);
        assertThat(api.put("/api/mentors/me/availability", mentor,
                json("windows", MentorApi.everyDay("00:00", "00:00"), "bufferMinutes", 0)).status()).isEqualTo(204);
        assertThat(api.post("/api/tokens/grants", admin,
                json("userId", studentId, "amount", 5, "category", "PAID", "reason", "restart")).status())
                .isEqualTo(201);
        ApiClient.Response booked = api.post("/api/bookings", student, json("mentorId", mentorId,
                "start", BookingApi.slot(Instant.now(), Duration.ofHours(13)).toString(), "topic", "restart"));
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        UUID bookingId = UUID.fromString(booked.body().get("bookingId").asText());

        first.destroyForcibly().waitFor();
        startServer(port, "booking-second");
        String studentAgain = loginOnceReady(api, STUDENT_EMAIL, USER_PASSWORD);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode booking = api.get("/api/bookings/" + bookingId, studentAgain).body();
            assertThat(booking.get("status").asText()).isEqualTo("EXPIRED");
            assertThat(booking.get("releasedTokens").asLong()).isEqualTo(2);
        });
        JsonNode account = api.get("/api/tokens/accounts/" + studentId, studentAgain).body();
        assertThat(account.get("held").asLong()).isZero();
        assertThat(account.get("available").asLong()).isEqualTo(5);
    }

    /**
     * A lead's first-contact deadline (15 minutes of working time, shortened to 25 seconds round the clock for this
     * run) is an aggregate deadline: the lead is assigned on one server, which is killed; the next server records the
     * breach and escalates the lead.
     */
    @Test
    void aFirstContactDeadlineSetBeforeAKillIsBreachedOnTheNextServer() throws Exception {
        recreateDatabase();
        int port = freePort();
        ApiClient api = new ApiClient(port);
        String[] crm = {"--platform.crm.first-contact-sla=PT25S", "--platform.crm.working-day-start=00:00",
                "--platform.crm.working-day-end=00:00",
                "--platform.crm.working-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY"};

        Process first = startServer(port, "crm-first", crm);
        String admin = loginOnceReady(api, "admin@restart.local", ADMIN_PASSWORD);
        ApiClient.Response entered = api.post("/api/crm/leads", admin, json("name", "Restart Lead",
                "phone", "9876501234", "campaignId", "restart"));
        assertThat(entered.status()).as("%s", entered).isEqualTo(201);
        String leadId = entered.body().get("leadId").asText();
        UUID rep = UUID.randomUUID();
        ApiClient.Response assigned = api.post("/api/crm/assignments", admin,
                json("leadIds", List.of(leadId), "repId", rep, "reason", "restart"));
        assertThat(assigned.status()).as("%s", assigned).isEqualTo(200);

        first.destroyForcibly().waitFor();
        startServer(port, "crm-second", crm);
        String adminAgain = loginOnceReady(api, "admin@restart.local", ADMIN_PASSWORD);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode lead = api.get("/api/crm/leads/" + leadId, adminAgain).body();
            assertThat(lead.get("escalated").asBoolean()).isTrue();
            assertThat(lead.get("slaBreached").asBoolean()).isTrue();
            assertThat(lead.get("ownerId").asText()).isEqualTo(rep.toString());
        });
    }

    /**
     * Signs in, waiting for the configured accounts: they are created by an application runner, which may still be
     * at work when the health check already answers.
     */
    private static String loginOnceReady(ApiClient api, String email, String password) {
        String[] token = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            token[0] = api.login(email, password);
            return token[0] != null;
        });
        return token[0];
    }

    private Process startServer(int port, String name, String... extraArguments) throws Exception {
        File jar = new File("target").listFiles((dir, file) -> file.matches("axon-.*\\.jar")
                && !file.endsWith("-sources.jar") && !file.endsWith(".original"))[0];
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", jar.getAbsolutePath(),
                "--spring.profiles.active=postgres", "--server.port=" + port, "--db-scheduler.polling-interval=1s",
                "--logging.structured.format.console=", "--logging.level.root=WARN",
                "--platform.booking.response-timeout=PT25S",
                "--platform.security.users[0].email=" + MENTOR_EMAIL,
                "--platform.security.users[0].password=" + USER_PASSWORD,
                "--platform.security.users[0].roles=STUDENT",
                "--platform.security.users[1].email=" + STUDENT_EMAIL,
                "--platform.security.users[1].password=" + USER_PASSWORD,
                "--platform.security.users[1].roles=STUDENT"));
        command.addAll(List.of(extraArguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
        builder.environment().put("DB_USER", "postgres");
        builder.environment().put("JWT_SECRET", "cmVzdGFydC10ZXN0LWtleS10aGF0LWlzLWxvbmctZW5vdWdoLTEyMzQ1");
        builder.environment().put("PII_MASTER_KEY", "cmVzdGFydC10ZXN0LXBpaS1tYXN0ZXIta2V5LWxvbmctZW5vdWdoLTEyMzQ1Ng==");
        // the postgres profile's provider is Razorpay, which refuses the simulator's development secrets
        builder.environment().put("PAYMENT_KEY_ID", "rzp_test_restart");
        builder.environment().put("PAYMENT_KEY_SECRET", "restart-test-payment-key-secret");
        builder.environment().put("PAYMENT_WEBHOOK_SECRET", "restart-test-payment-webhook-secret");
        // and real payments need the platform's own GSTIN on their documents (Karnataka, the supplier state)
        builder.environment().put("SUPPLIER_GSTIN", "29AAACB5678K1Z6");
        builder.environment().put("ADMIN_EMAIL", "admin@restart.local");
        builder.environment().put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.redirectErrorStream(true).redirectOutput(new File("target/restart-" + name + "-server.log"));
        Process server = builder.start();
        servers.add(server);
        ApiClient api = new ApiClient(port);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(server.isAlive()).as("server %s is running (see target/restart-%s-server.log)", name, name)
                    .isTrue();
            try {
                return api.get("/actuator/health/readiness", null).status() == 200;
            } catch (RuntimeException notYetListening) {
                return false;
            }
        });
        return server;
    }

    private static void recreateDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
