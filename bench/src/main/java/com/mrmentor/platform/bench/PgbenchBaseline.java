package com.mrmentor.platform.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own ceiling for what a command does to the event store, measured with {@code pgbench} in the same run:
 * each transaction reads one aggregate's stream and appends one event to it, on a table shaped like Axon's
 * {@code domain_event_entry} (same columns, unique event id and (aggregate, sequence)), 16 connections, each on its
 * own aggregates (no conflicts). The platform's rate is printed as a ratio to this one.
 */
final class PgbenchBaseline {

    private static final String DATABASE = "mentor_platform_pgbench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private static final String SCRIPT = """
            \\set aggregate :client_id * 1000 + random(1, 1000)
            BEGIN;
            SELECT coalesce(max(sequence_number), -1) + 1 AS next FROM bench_event WHERE aggregate_identifier = 'wallet-' || :aggregate \\gset
            SELECT payload, meta_data FROM bench_event WHERE aggregate_identifier = 'wallet-' || :aggregate AND sequence_number >= 0 ORDER BY sequence_number;
            INSERT INTO bench_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (gen_random_uuid()::text, 'wallet-' || :aggregate, :next, 'TokenWallet', now()::text, 'com.mrmentor.platform.events.tokens.HoldPlaced', NULL, convert_to(repeat('p', 280), 'UTF8'), convert_to(repeat('m', 420), 'UTF8'));
            END;
            """;

    private PgbenchBaseline() {
    }

    /** Read-stream-then-append transactions per second with {@code clients} connections for {@code seconds}. */
    static double readThenAppendPerSecond(String host, int clients, int seconds, Path workDirectory)
            throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":5432/postgres", "postgres",
                "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":5432/" + DATABASE,
                "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE bench_event (
                        global_index         BIGSERIAL PRIMARY KEY,
                        event_identifier     VARCHAR(255) NOT NULL UNIQUE,
                        aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number      BIGINT       NOT NULL,
                        type                 VARCHAR(255),
                        time_stamp           VARCHAR(255) NOT NULL,
                        payload_type         VARCHAR(255) NOT NULL,
                        payload_revision     VARCHAR(255),
                        payload              BYTEA        NOT NULL,
                        meta_data            BYTEA,
                        UNIQUE (aggregate_identifier, sequence_number))""");
        }
        Path script = workDirectory.resolve("pgbench-read-then-append.sql");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        Path output = workDirectory.resolve("pgbench.log");
        Process pgbench = new ProcessBuilder(List.of("pgbench", "-h", host, "-U", "postgres", "-n",
                "-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds),
                "-f", script.toString(), DATABASE))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        int exit = pgbench.waitFor();
        String printed = Files.readString(output);
        Matcher tps = TPS.matcher(printed);
        if (exit != 0 || !tps.find()) {
            throw new IOException("pgbench failed (exit " + exit + "): " + printed);
        }
        return Double.parseDouble(tps.group(1));
    }
}
