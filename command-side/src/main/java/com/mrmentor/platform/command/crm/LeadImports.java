package com.mrmentor.platform.command.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.crm.CaptureLead;
import com.mrmentor.platform.shared.crm.CaptureLeads;
import com.mrmentor.platform.shared.crm.LeadSource;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CSV imports of leads, processed in the background: every row is captured like any other arrival (normalised,
 * de-duplicated, assigned on arrival), rows that cannot be read or are refused land in a per-row error report, and
 * progress is counted in {@code crm_import} as the rows go. The job's state is a table of its own, not events: the
 * leads it creates are the facts. The file is cut into batches of {@code platform.crm.import-batch} consecutive rows
 * (100), each captured in one unit of work ({@link CaptureLeads}: one commit per batch instead of two per row); the
 * batches are taken in turn by {@code platform.crm.import-workers} threads. Progress is counted after every batch.
 *
 * <p>Limitation: a node that stops mid-import leaves the job RUNNING with the rows done so far; it is not resumed.
 */
@Component
public class LeadImports {

    private static final Logger log = LoggerFactory.getLogger(LeadImports.class);
    static final int MAX_ROWS = 100_000;
    private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("name", "name"),
            Map.entry("phone", "phone"), Map.entry("mobile", "phone"), Map.entry("email", "email"),
            Map.entry("city", "city"), Map.entry("course_interest", "courseInterest"),
            Map.entry("courseinterest", "courseInterest"), Map.entry("course", "courseInterest"),
            Map.entry("language", "language"), Map.entry("campaign_id", "campaignId"),
            Map.entry("campaignid", "campaignId"), Map.entry("campaign", "campaignId"));

    private final LeadCapture capture;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final int workers;
    private final int batch;
    private final ExecutorService pool;

    public LeadImports(LeadCapture capture, JdbcTemplate jdbc, Clock clock, ObjectMapper json,
                       @Value("${platform.crm.import-workers:2}") int workers,
                       @Value("${platform.crm.import-batch:100}") int batch) {
        this.batch = Math.max(1, batch);
        this.capture = capture;
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.workers = Math.max(1, workers);
        this.pool = Executors.newFixedThreadPool(this.workers, runnable -> {
            Thread thread = new Thread(runnable, "crm-import");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** Checks the header, records the job and starts it in the background; answers the job's id. */
    public UUID start(String csv, String fileName, UUID createdBy) {
        if (csv == null || csv.isBlank()) {
            throw CrmRules.missing("csv");
        }
        List<String> lines = csv.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        List<String> header = Csv.parse(lines.get(0).replace("\uFEFF", ""));
        List<String> fields = new ArrayList<>();
        for (String column : header) {
            String field = COLUMNS.get(column.trim().toLowerCase(Locale.ROOT).replace(' ', '_'));
            if (field == null) {
                throw CrmRules.invalid("csv", "has an unknown column '" + column.trim() + "'; known: name, phone, "
                        + "email, city, course_interest, language, campaign_id");
            }
            fields.add(field);
        }
        if (!fields.contains("phone") && !fields.contains("email")) {
            throw CrmRules.invalid("csv", "needs a phone or an email column");
        }
        List<String> rows = lines.subList(1, lines.size());
        if (rows.size() > MAX_ROWS) {
            throw CrmRules.invalid("csv", "has more than " + MAX_ROWS + " rows");
        }
        UUID importId = UUID.randomUUID();
        jdbc.update("INSERT INTO crm_import (import_id, file_name, status, total_rows, processed, captured, duplicates, "
                        + "failed, created_by, created_at) VALUES (?, ?, 'RUNNING', ?, 0, 0, 0, 0, ?, ?)", importId,
                fileName, rows.size(), createdBy, Timestamp.from(clock.instant()));
        AtomicInteger remaining = new AtomicInteger(workers);
        AtomicInteger next = new AtomicInteger(); // the first row of the next batch any worker takes
        for (int worker = 0; worker < workers; worker++) {
            pool.submit(() -> {
                try {
                    run(importId, fields, rows, next, createdBy);
                } catch (RuntimeException failed) {
                    log.error("Import {} failed", importId, failed);
                    jdbc.update("UPDATE crm_import SET status = 'FAILED' WHERE import_id = ?", importId);
                } finally {
                    if (remaining.decrementAndGet() == 0) {
                        jdbc.update("UPDATE crm_import SET status = CASE WHEN status = 'RUNNING' THEN 'COMPLETED' "
                                + "ELSE status END, finished_at = ? WHERE import_id = ?",
                                Timestamp.from(clock.instant()), importId);
                    }
                }
            });
        }
        return importId;
    }

    private void run(UUID importId, List<String> fields, List<String> rows, AtomicInteger next, UUID createdBy) {
        for (int from = next.getAndAdd(batch); from < rows.size(); from = next.getAndAdd(batch)) {
            int to = Math.min(rows.size(), from + batch);
            Tally tally = new Tally();
            List<Row> readable = new ArrayList<>(to - from);
            for (int index = from; index < to; index++) {
                int rowNumber = index + 2; // the header is row 1
                String line = rows.get(index);
                tally.processed++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    readable.add(new Row(rowNumber, line, command(importId, rowNumber, fields, line, createdBy)));
                } catch (RuleViolation refused) {
                    tally.failed++;
                    error(importId, rowNumber, refused.code(), refused.getMessage(), line);
                } catch (RuntimeException broken) {
                    tally.failed++;
                    error(importId, rowNumber, "row-failed", String.valueOf(broken.getMessage()), line);
                }
            }
            captureAll(importId, readable, tally);
            progress(importId, tally.processed, tally.captured, tally.duplicates, tally.failed);
        }
    }

    /**
     * Captures the readable rows of a batch in one command. Should the batch fail as a whole (an id or contact race
     * that its retries did not settle, a broken row), nothing of it was stored and its rows are captured one by one,
     * so that each gets its own outcome as before. A batch that timed out may still have been stored: its rows are
     * reported failed rather than captured twice.
     */
    private void captureAll(UUID importId, List<Row> rows, Tally tally) {
        if (rows.isEmpty()) {
            return;
        }
        List<LeadIntake.RowOutcome> outcomes;
        try {
            outcomes = capture.captureAll(new CaptureLeads(rows.stream().map(Row::command).toList()));
        } catch (CommandSender.CommandTimedOut unknown) {
            for (Row row : rows) {
                tally.failed++;
                error(importId, row.number(), "row-failed", String.valueOf(unknown.getMessage()), row.line());
            }
            return;
        } catch (RuntimeException batchFailed) {
            log.warn("Import {}: a batch of {} rows failed as a whole ({}); capturing its rows one by one", importId,
                    rows.size(), batchFailed.toString());
            rows.forEach(row -> captureOne(importId, row, tally));
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            LeadIntake.RowOutcome outcome = outcomes.get(i);
            if (outcome.refusedCode() != null) {
                tally.failed++;
                error(importId, rows.get(i).number(), outcome.refusedCode(), outcome.refusedMessage(),
                        rows.get(i).line());
            } else if (outcome.duplicate()) {
                tally.duplicates++;
            } else {
                tally.captured++;
            }
        }
    }

    private void captureOne(UUID importId, Row row, Tally tally) {
        try {
            if (capture.capture(row.command()).duplicate()) {
                tally.duplicates++;
            } else {
                tally.captured++;
            }
        } catch (RuleViolation refused) {
            tally.failed++;
            error(importId, row.number(), refused.code(), refused.getMessage(), row.line());
        } catch (RuntimeException broken) {
            tally.failed++;
            error(importId, row.number(), "row-failed", String.valueOf(broken.getMessage()), row.line());
        }
    }

    /** A readable row of the file: its number (the header is row 1), its text and its capture. */
    private record Row(int number, String line, CaptureLead command) {
    }

    /** What a batch of rows came to, added to the job's counts. */
    private static final class Tally {
        int processed;
        int captured;
        int duplicates;
        int failed;
    }

    private CaptureLead command(UUID importId, int rowNumber, List<String> fields, String line, UUID createdBy) {
        List<String> values = Csv.parse(line);
        if (values.size() != fields.size()) {
            throw CrmRules.invalid("row", "has " + values.size() + " values for " + fields.size() + " columns");
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            row.put(fields.get(i), values.get(i).isBlank() ? null : values.get(i).trim());
        }
        String raw;
        try {
            raw = json.writeValueAsString(Map.of("row", rowNumber, "values", row));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        UUID leadId = UUID.nameUUIDFromBytes(("crm-import-row\n" + importId + "\n" + rowNumber)
                .getBytes(StandardCharsets.UTF_8));
        return new CaptureLead(leadId, row.get("name"), row.get("phone"), row.get("email"), row.get("city"),
                row.get("courseInterest"), row.get("language"), row.get("campaignId"), LeadSource.CSV_IMPORT, raw,
                createdBy, null, importId);
    }

    private void progress(UUID importId, int processed, int captured, int duplicates, int failed) {
        jdbc.update("UPDATE crm_import SET processed = processed + ?, captured = captured + ?, "
                + "duplicates = duplicates + ?, failed = failed + ? WHERE import_id = ?", processed, captured,
                duplicates, failed, importId);
    }

    private void error(UUID importId, int rowNumber, String code, String message, String line) {
        jdbc.update("INSERT INTO crm_import_error (import_id, row_number, code, message, line) VALUES (?, ?, ?, ?, ?)",
                importId, rowNumber, code, message, line.length() > 1000 ? line.substring(0, 1000) : line);
    }

    /** A job's progress, and its first error rows. */
    public Optional<Progress> progress(UUID importId, int errorLimit) {
        return jdbc.query("SELECT import_id, file_name, status, total_rows, processed, captured, duplicates, failed, "
                + "created_by, created_at, finished_at FROM crm_import WHERE import_id = ?", (rs, n) -> new Progress(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getObject(9, UUID.class),
                rs.getTimestamp(10).toInstant(), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(),
                errors(importId, errorLimit)), importId).stream().findFirst();
    }

    /** The error rows of a job, by row number. */
    public List<RowError> errors(UUID importId, int limit) {
        return jdbc.query("SELECT row_number, code, message, line FROM crm_import_error WHERE import_id = ? "
                        + "ORDER BY row_number LIMIT ?", (rs, n) -> new RowError(rs.getInt(1), rs.getString(2),
                rs.getString(3), rs.getString(4)), importId, limit);
    }

    /** An import's state. */
    public record Progress(UUID importId, String fileName, String status, int totalRows, int processed, int captured,
                           int duplicates, int failed, UUID createdBy, java.time.Instant createdAt,
                           java.time.Instant finishedAt, List<RowError> errors) {
    }

    /** A row that could not be imported: its number in the file (the header is row 1), why, and the line. */
    public record RowError(int row, String code, String message, String line) {
    }

    /** A small RFC 4180 line parser: commas, double quotes, doubled quotes inside quotes. */
    static final class Csv {
        private Csv() {
        }

        static List<String> parse(String line) {
            List<String> values = new ArrayList<>();
            StringBuilder value = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        value.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        value.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    values.add(value.toString());
                    value.setLength(0);
                } else {
                    value.append(c);
                }
            }
            values.add(value.toString());
            return values;
        }
    }
}
