package com.mrmentor.platform.query.audit;

import com.mrmentor.platform.shared.audit.ChainLink;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes the audit chain over a stretch of it from the event table's bytes and reports the first break. Each
 * link is checked against the stored link before it, so one altered event breaks exactly its own link, while an
 * altered stored link breaks its own link and the next one: that tells the two apart. Events the chain skipped
 * (present in the table, absent from the chain, although later events are chained and they are older than the
 * processor's normal delay) are reported too: they were added behind the chain's back.
 */
@Component
public class ChainVerifier {

    /** How long an event may legitimately wait to be chained (a transaction committing late, a busy processor). */
    static final Duration CHAINING_DELAY = Duration.ofMinutes(1);
    private static final int FETCH_SIZE = 500;
    private static final int MAX_LISTED_UNCHAINED = 20;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final EventTable table;

    public ChainVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, EventTable table) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.table = table;
    }

    /** Why a link does not hold. */
    public enum BreakReason {
        /** The event's stored bytes are not those the link was computed over. */
        EVENT_ALTERED,
        /** The stored link itself was changed (it breaks the link after it too). */
        LINK_ALTERED,
        /** The chain has a link for a position the event table no longer holds. */
        EVENT_MISSING,
        /** A chain number is missing: a link was removed. */
        LINK_MISSING
    }

    /**
     * @param chainNumber the broken link's number
     * @param position    the event's global position
     * @param reason      what does not hold
     * @param storedLink  the link the chain holds
     * @param computedLink the link recomputed from the previous link and the event's bytes (null if it has none)
     */
    public record Break(long chainNumber, Long position, BreakReason reason, String storedLink, String computedLink) {
    }

    /**
     * @param chainNumber the link's number
     * @param position    its event's global position
     * @param link        the link
     */
    public record Anchor(long chainNumber, long position, String link) {
    }

    /**
     * @param first           the first link checked (null if the stretch is empty)
     * @param last            the last link checked
     * @param checked         links recomputed
     * @param intact          no break and no skipped event
     * @param firstBreak      the first link that does not hold
     * @param breaks          links that do not hold
     * @param unchainedEvents positions of events in the stretch the chain skipped (at most 20 listed)
     * @param unchainedCount  how many such events there are
     * @param head            the newest link of the whole chain: note it to check the next export against
     */
    public record Report(Anchor first, Anchor last, long checked, boolean intact, Break firstBreak, long breaks,
                         List<Long> unchainedEvents, long unchainedCount, Anchor head) {
    }

    /** Checks the links numbered {@code fromNumber} to {@code toNumber}, both included. */
    public Report verify(long fromNumber, long toNumber) {
        table.require("The audit chain");
        return readOnly.execute(status -> check(fromNumber, toNumber));
    }

    private Report check(long fromNumber, long toNumber) {
        Anchor head = anchorAt("SELECT chain_number, global_index, link FROM audit_chain "
                + "ORDER BY chain_number DESC FETCH FIRST 1 ROWS ONLY");
        if (fromNumber > toNumber) {
            return new Report(null, null, 0, true, null, 0, List.of(), 0, head);
        }
        List<String> before = fromNumber == 1 ? List.of(ChainLink.GENESIS) : jdbc.queryForList(
                "SELECT link FROM audit_chain WHERE chain_number = ?", String.class, fromNumber - 1);
        Walk walk = new Walk(fromNumber, before.isEmpty() ? null : before.get(0).trim());
        if (before.isEmpty()) {
            walk.record(new Break(fromNumber - 1, null, BreakReason.LINK_MISSING, null, null));
        }
        RowCallbackHandler step = rs -> {
            long number = rs.getLong("chain_number");
            long position = rs.getLong("chain_position");
            String stored = rs.getString("link").trim();
            ChainLink.StoredForm event = rs.getObject("global_index") == null ? null : ChainLink.StoredForm.read(rs);
            walk.step(number, position, stored, event);
        };
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT c.chain_number, c.global_index AS chain_position, "
                    + "c.link, e.global_index, e.event_identifier, e.type, e.aggregate_identifier, e.sequence_number, "
                    + "e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data FROM audit_chain c "
                    + "LEFT JOIN domain_event_entry e ON e.global_index = c.global_index "
                    + "WHERE c.chain_number BETWEEN ? AND ? ORDER BY c.chain_number");
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, fromNumber);
            statement.setLong(2, toNumber);
            return statement;
        }, step);
        walk.finish();
        List<Long> unchained = new ArrayList<>();
        long unchainedCount = 0;
        if (walk.first != null) {
            Instant settled = clock.instant().minus(CHAINING_DELAY);
            List<Object[]> skipped = jdbc.query("SELECT e.global_index, e.time_stamp FROM domain_event_entry e "
                            + "LEFT JOIN audit_chain c ON c.global_index = e.global_index "
                            + "WHERE c.global_index IS NULL AND e.global_index BETWEEN ? AND ? ORDER BY e.global_index",
                    (rs, row) -> new Object[] {rs.getLong(1), rs.getString(2)}, walk.minPosition, walk.maxPosition);
            for (Object[] event : skipped) {
                if (Instant.parse((String) event[1]).isBefore(settled)) {
                    unchainedCount++;
                    if (unchained.size() < MAX_LISTED_UNCHAINED) {
                        unchained.add((Long) event[0]);
                    }
                }
            }
        }
        return new Report(walk.first, walk.last, walk.checked, walk.breaks == 0 && unchainedCount == 0,
                walk.firstBreak, walk.breaks, List.copyOf(unchained), unchainedCount, head);
    }

    private Anchor anchorAt(String sql) {
        List<Anchor> anchors = jdbc.query(sql, (rs, row) -> new Anchor(rs.getLong(1), rs.getLong(2),
                rs.getString(3).trim()));
        return anchors.isEmpty() ? null : anchors.get(0);
    }

    /** The state of one pass along the chain. */
    private static final class Walk {

        private long expectedNumber;
        private String previousStored;
        /** The entry before, if it broke: its recomputed link tells an altered link from an altered event. */
        private Break pending;
        private Anchor first;
        private Anchor last;
        private long checked;
        private long breaks;
        private Break firstBreak;
        private long minPosition = Long.MAX_VALUE;
        private long maxPosition = Long.MIN_VALUE;

        Walk(long fromNumber, String previousLink) {
            this.expectedNumber = fromNumber;
            this.previousStored = previousLink;
        }

        void step(long number, long position, String stored, ChainLink.StoredForm event) {
            Anchor here = new Anchor(number, position, stored);
            if (first == null) {
                first = here;
            }
            last = here;
            checked++;
            minPosition = Math.min(minPosition, position);
            maxPosition = Math.max(maxPosition, position);
            if (number != expectedNumber) {
                settlePending(false);
                record(new Break(expectedNumber, null, BreakReason.LINK_MISSING, null, null));
                previousStored = null;
            }
            expectedNumber = number + 1;
            if (previousStored == null) {
                // the link before is gone: this one cannot be checked, only taken as the base of the next
                previousStored = stored;
                return;
            }
            if (event == null) {
                settlePending(false);
                record(new Break(number, position, BreakReason.EVENT_MISSING, stored, null));
                previousStored = stored;
                return;
            }
            String computed = ChainLink.next(previousStored, event);
            if (computed.equals(stored)) {
                settlePending(false); // the entry before broke alone: its event was altered
            } else if (pending != null && ChainLink.next(pending.computedLink(), event).equals(stored)) {
                settlePending(true); // this one holds on the link the entry before should have: that link was altered
            } else {
                settlePending(false);
                pending = new Break(number, position, BreakReason.EVENT_ALTERED, stored, computed);
            }
            previousStored = stored;
        }

        void finish() {
            settlePending(false);
        }

        /** Records the pending break: as an altered stored link, or as an altered event. */
        private void settlePending(boolean linkAltered) {
            if (pending == null) {
                return;
            }
            Break settled = linkAltered ? new Break(pending.chainNumber(), pending.position(),
                    BreakReason.LINK_ALTERED, pending.storedLink(), pending.computedLink()) : pending;
            pending = null;
            record(settled);
        }

        void record(Break broken) {
            breaks++;
            if (firstBreak == null) {
                firstBreak = broken;
            }
        }
    }
}
