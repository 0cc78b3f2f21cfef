package com.mrmentor.platform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replay and export rates on a store of a million events. Starts the built server on a fresh PostgreSQL database,
 * makes one wallet's history through the API (a grant, then hold + capture pairs), and copies those stored rows —
 * exactly as the server wrote them, new wallet and grant/hold ids per copy — with {@code COPY} until the store holds
 * the target number of events. Every processor is then placed at the head (the copies are history, nothing reacts
 * to them), the server restarts, and the benchmark asks {@code POST /api/admin/projections/token-ledger/replay} and
 * prints the replay rate until the ledger is back at the head. Last, it streams
 * {@code GET /api/audit/events?from&to} as NDJSON (one event per line) and prints the export rate, or says that the
 * route is not there (404).
 */
public final class ReplayBenchmark {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String WALLET_PREFIX = "token-wallet:";
    private static final String GROUP = "token-ledger";
    /** The export is read as an auditor would read it. */
    private static final String AUDITOR = "bench-auditor@local";

    /** One stored event of the template wallet. */
    private record StoredEvent(String type, long sequence, String timestamp, String payloadType, String revision,
                               String payload, byte[] metaData) {
    }

    /**
     * Processors left to process the copies (the audit chain and index: the export streams what they have reached);
     * the benchmark waits for them before the replay, so that they do not compete with it.
     */
    private final List<String> catchUp;

    /** What the suite ({@link PerformanceSuite}) prints of a run. */
    record Figures(long storeSize, double replaySeconds, double replayEventsPerSecond, double exportEventsPerSecond,
                   double heapPeakMiB) {
    }

    /** One run with the default processors caught up first; for the suite's table. */
    static Figures measure(String serverJar, String dbHost, long events, String log) throws Exception {
        BenchServer server = new BenchServer(serverJar, dbHost, "mentor_platform_bench_replay", 18_081, log);
        try (server) {
            return new ReplayBenchmark(List.of("audit-chain", "audit-event-index")).run(server, events, 12,
                    new String[0], Duration.ofMinutes(60));
        }
    }

    private ReplayBenchmark(List<String> catchUp) {
        this.catchUp = catchUp.stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        long events = Long.parseLong(options.getOrDefault("events", "1000000"));
        List<String> catchUp = List.of(options.getOrDefault("catch-up", "audit-chain,audit-event-index")
                .split(","));
        String[] serverArguments = options.getOrDefault("server-args", "").isBlank() ? new String[0]
                : options.get("server-args").split(" ");
        int pairs = Integer.parseInt(options.getOrDefault("pairs-per-wallet", "12"));
        BenchServer server = new BenchServer(
                options.getOrDefault("server-jar", "axon/target/axon-0.1.0-SNAPSHOT.jar"),
                options.getOrDefault("db-host", "127.0.0.1"), "mentor_platform_bench_replay", 18_081,
                options.getOrDefault("log", "bench-replay-server.log"));
        try (server; Autovacuum autovacuum = Autovacuum.onForTheRun(server.dbHost(), options.get("autovacuum"))) {
            new ReplayBenchmark(catchUp).run(server, events, pairs, serverArguments,
                    Duration.ofMinutes(Long.parseLong(options.getOrDefault("timeout-minutes", "60"))));
        }
    }

    private Figures run(BenchServer server, long targetEvents, int pairs, String[] serverArguments, Duration timeout)
            throws Exception {
        server.recreateDatabase();
        String auditorPassword = BenchServer.randomSecret(18);
        serverArguments = concat(concat(concat(concat(serverArguments,
                "--platform.tokens.approval-threshold=1000000000"),
                "--platform.security.users[0].email=" + AUDITOR), "--platform.security.users[0].password="
                + auditorPassword), "--platform.security.users[0].roles[0]=AUDITOR");
        server.start(serverArguments);
        String token = server.login();
        String adminId = subject(token);

        // one wallet's history, written by the server itself
        UUID template = UUID.randomUUID();
        server.send("POST", "/api/tokens/grants", token, Map.of("userId", template.toString(), "amount", 1_000_000,
                "category", "PAID", "reason", "replay benchmark"), 201);
        String expiresAt = Instant.now().plus(Duration.ofDays(1)).toString();
        for (int i = 0; i < pairs; i++) {
            JsonNode hold = server.send("POST", "/api/tokens/holds", token, Map.of("userId", template.toString(),
                    "amount", 1, "reference", "bench-" + i, "expiresAt", expiresAt), 201);
            server.send("POST", "/api/tokens/holds/" + hold.get("holdId").asText() + "/capture", token, null, 200);
        }
        awaitAtHead(server, token, GROUP, Duration.ofMinutes(2));
        server.stop();

        long seedStarted = System.nanoTime();
        long seeded;
        long head;
        try (Connection db = server.connect()) {
            List<StoredEvent> history = history(db, WALLET_PREFIX + template);
            System.out.printf("template wallet: %d events, e.g. %s %s%n", history.size(),
                    history.get(0).payloadType(), history.get(0).payload());
            long existing = count(db, "SELECT count(*) FROM domain_event_entry");
            seeded = seed(db, history, template, adminId, Math.max(0, targetEvents - existing));
            head = count(db, "SELECT max(global_index) FROM domain_event_entry");
            placeEveryProcessorAt(db, head, catchUp);
            Autovacuum.analyze(db);
        }
        double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;
        System.out.printf("seeded %,d events with COPY in %.1f s (%.0f events/s); head %,d%n", seeded, seedSeconds,
                seeded / seedSeconds, head);

        server.start(serverArguments);
        token = server.login();
        long storeSize;
        try (Connection db = server.connect()) {
            storeSize = count(db, "SELECT count(*) FROM domain_event_entry");
        }
        long caughtUpFrom = System.nanoTime(); // the processors below run side by side from the start
        for (String processor : catchUp) {
            HttpResponse<String> exists = server.raw("GET", "/api/admin/projections/" + processor, token, null);
            if (exists.statusCode() != 200) {
                System.out.printf("%s: not in this build (%d)%n", processor, exists.statusCode());
                continue;
            }
            awaitAtHead(server, token, processor, timeout);
            double seconds = (System.nanoTime() - caughtUpFrom) / 1e9;
            System.out.printf("%s reached the head %.1f s after the restart (%.0f events/s over the copies; the "
                    + "catch-up processors run side by side, the others wait at the head)%n", processor, seconds,
                    seeded / seconds);
        }
        JsonNode before = server.get("/api/admin/projections/" + GROUP, token);
        System.out.printf("before the replay: %s lag %d, head %d%n", GROUP, before.get("lag").asLong(),
                before.get("headPosition").asLong());

        try (Connection db = server.connect()) {
            Autovacuum.analyze(db); // the audit tables the catch-up filled
        }
        HeapSampler heap = new HeapSampler(server);
        double serverCpuAtStart = server.cpuSeconds();
        double postgresCpuAtStart = ProcessCpu.ofPostgres();
        long started = System.nanoTime();
        server.send("POST", "/api/admin/projections/" + GROUP + "/replay", token, null, 202);
        JsonNode status;
        long deadline = started + timeout.toNanos();
        long lastPrint = 0;
        while (true) {
            Thread.sleep(1_000); // polling the server's progress, not a test
            status = server.get("/api/admin/projections/" + GROUP, token);
            long now = System.nanoTime();
            boolean done = !status.get("replaying").asBoolean() && status.get("lag").asLong() == 0;
            if (done || now - lastPrint > 10_000_000_000L) {
                long behind = status.get("lag").asLong();
                double seconds = (now - started) / 1e9;
                System.out.printf("  %6.1f s: lag %,d events, progress %s, %.0f events/s so far%n", seconds, behind,
                        status.get("replayProgress").isNull() ? "-" : status.get("replayProgress").asText(),
                        (head - behind) / seconds);
                lastPrint = now;
            }
            if (done) {
                break;
            }
            if (now > deadline) {
                throw new IllegalStateException("replay did not reach the head within " + timeout);
            }
        }
        double replaySeconds = (System.nanoTime() - started) / 1e9;
        double serverCpu = server.cpuSeconds() - serverCpuAtStart;
        double postgresCpu = ProcessCpu.ofPostgres() - postgresCpuAtStart;
        heap.stop();
        long ledgerRows;
        long walletEvents;
        try (Connection db = server.connect()) {
            ledgerRows = count(db, "SELECT count(*) FROM token_ledger_entry");
            // every wallet event that moves tokens writes one ledger line (opening a wallet writes none)
            walletEvents = count(db, "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier LIKE '"
                    + WALLET_PREFIX + "%' AND payload_type NOT LIKE '%.TokenWalletOpened'");
        }
        System.out.println();
        System.out.println("=== replay benchmark ===");
        printMachine();
        System.out.printf("store: %,d events (head %,d); %s: %,d ledger rows for %,d wallet events%n", storeSize,
                head, GROUP, ledgerRows, walletEvents);
        System.out.printf("replay of %s: %.1f s, %.0f events/s; CPU per event: server %.1f µs, PostgreSQL %.1f µs "
                        + "(%.2f + %.2f of the cores)%n", GROUP, replaySeconds, storeSize / replaySeconds,
                serverCpu * 1e6 / storeSize, postgresCpu * 1e6 / storeSize, serverCpu / replaySeconds,
                postgresCpu / replaySeconds);
        if (ledgerRows != walletEvents) {
            throw new IllegalStateException("the rebuilt ledger has " + ledgerRows + " rows for " + walletEvents
                    + " wallet events");
        }
        System.out.printf("server heap peak during the replay: %.0f MiB%n", heap.peakMiB());
        double exportRate = export(server, server.login(AUDITOR, auditorPassword), storeSize);
        return new Figures(storeSize, replaySeconds, storeSize / replaySeconds, exportRate, heap.peakMiB());
    }

    // ---- seeding -----------------------------------------------------------------------------------------------

    private static List<StoredEvent> history(Connection db, String aggregate) throws Exception {
        List<StoredEvent> events = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("SELECT type, sequence_number, time_stamp, payload_type, "
                + "payload_revision, payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number")) {
            select.setString(1, aggregate);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), new String(rs.getBytes(6), StandardCharsets.UTF_8), rs.getBytes(7)));
                }
            }
        }
        if (events.isEmpty()) {
            throw new IllegalStateException("the template wallet has no stored events");
        }
        return events;
    }

    /**
     * Copies the template wallet until {@code needed} events are added: each copy is a new wallet whose payload ids
     * (wallet, grant, holds) are new; the acting administrator and the metadata stay as the server wrote them.
     */
    private static long seed(Connection db, List<StoredEvent> template, UUID templateWallet, String adminId,
                             long needed) throws Exception {
        db.setAutoCommit(false);
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY domain_event_entry (event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
                + "meta_data) FROM STDIN");
        long written = 0;
        StringBuilder buffer = new StringBuilder(1 << 20);
        HexFormat hex = HexFormat.of();
        while (written < needed) {
            Map<String, String> ids = new HashMap<>();
            ids.put(adminId, adminId);
            UUID wallet = UUID.randomUUID();
            ids.put(templateWallet.toString(), wallet.toString());
            for (StoredEvent event : template) {
                if (written == needed) {
                    break;
                }
                Matcher matcher = UUID_TEXT.matcher(event.payload());
                String payload = matcher.replaceAll(found -> ids.computeIfAbsent(found.group(),
                        old -> UUID.randomUUID().toString()));
                buffer.append(UUID.randomUUID()).append('\t').append(WALLET_PREFIX).append(wallet).append('\t')
                        .append(event.sequence()).append('\t').append(nullable(event.type())).append('\t')
                        .append(event.timestamp()).append('\t').append(event.payloadType()).append('\t')
                        .append(nullable(event.revision())).append('\t')
                        .append("\\\\x").append(hex.formatHex(payload.getBytes(StandardCharsets.UTF_8))).append('\t')
                        .append(event.metaData() == null ? "\\N" : "\\\\x" + hex.formatHex(event.metaData()))
                        .append('\n');
                written++;
            }
            if (buffer.length() > (1 << 20) - 8192 || written == needed) {
                byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                buffer.setLength(0);
            }
        }
        copy.endCopy();
        db.commit();
        db.setAutoCommit(true);
        return written;
    }

    /**
     * Every processor's tokens at {@code head} (the copies are history no handler should react to), except those in
     * {@code catchUp}.
     */
    private static void placeEveryProcessorAt(Connection db, long head, List<String> catchUp) throws Exception {
        List<Object[]> updates = new ArrayList<>();
        try (Statement select = db.createStatement();
             ResultSet rs = select.executeQuery("SELECT processor_name, segment, token, token_type FROM token_entry "
                     + "WHERE token IS NOT NULL")) {
            while (rs.next()) {
                if (catchUp.contains(rs.getString(1))) {
                    continue;
                }
                JsonNode stored = BenchServer.JSON.readTree(rs.getBytes(3));
                if (!(stored instanceof ObjectNode token) || !token.has("index")) {
                    throw new IllegalStateException("unexpected token of " + rs.getString(1) + ": " + stored);
                }
                token.put("index", head);
                token.putArray("gaps");
                updates.add(new Object[] {rs.getString(1), rs.getInt(2),
                        BenchServer.JSON.writeValueAsBytes(token)});
            }
        }
        try (PreparedStatement update = db.prepareStatement("UPDATE token_entry SET token = ? "
                + "WHERE processor_name = ? AND segment = ?")) {
            for (Object[] row : updates) {
                update.setBytes(1, (byte[]) row[2]);
                update.setString(2, (String) row[0]);
                update.setInt(3, (Integer) row[1]);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    // ---- export ------------------------------------------------------------------------------------------------

    /** Streams the export; answers its events per second (NaN when the route is not there). */
    private static double export(BenchServer server, String token, long storeSize)
            throws Exception {
        Instant from = Instant.now().minus(Duration.ofDays(1));
        Instant to = Instant.now().plus(Duration.ofMinutes(1));
        String path = "/api/audit/events?from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(server.uri(path)).GET()
                .header("Authorization", "Bearer " + token).header("Accept", "application/x-ndjson")
                .timeout(Duration.ofMinutes(30)).build();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = server.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 404 || response.statusCode() == 403) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println("export: GET /api/audit/events answered " + response.statusCode() + " to an AUDITOR — "
                    + "the audit export route is not in this build (an unlisted route is refused by the deny-by-default "
                    + "security rules, or unknown: 404); export rate not measured. " + body);
            return Double.NaN;
        }
        if (response.statusCode() != 200) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println("export: GET /api/audit/events answered " + response.statusCode() + " " + body);
            return Double.NaN;
        }
        long lines = 0;
        long bytes = 0;
        String first = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                if (first == null) {
                    first = line;
                    BenchServer.JSON.readTree(line); // one JSON object per line
                }
                lines++;
                bytes += line.length() + 1;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("export (%s): %,d events, %.1f MB in %.1f s: %.0f events/s%n",
                response.headers().firstValue("Content-Type").orElse("?"), lines, bytes / 1e6, seconds,
                lines / seconds);
        if (lines < storeSize) {
            System.out.printf("export: %,d of the %,d stored events were in the window%n", lines, storeSize);
        }
        return lines / seconds;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static void awaitAtHead(BenchServer server, String token, String group, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = server.get("/api/admin/projections/" + group, token);
            if (!status.get("replaying").asBoolean() && status.get("lag").asLong() == 0) {
                return;
            }
            Thread.sleep(200); // polling the server, not a test
        }
        throw new IllegalStateException(group + " did not reach the head");
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String[] concat(String[] arguments, String argument) {
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = argument;
        return all;
    }

    private static String nullable(String text) {
        return text == null ? "\\N" : text;
    }

    private static String subject(String accessToken) throws Exception {
        JsonNode claims = BenchServer.JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        return claims.get("sub").asText();
    }

    private static void printMachine() {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("machine: %d cores, Java %s, %s %s%n", runtime.availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
