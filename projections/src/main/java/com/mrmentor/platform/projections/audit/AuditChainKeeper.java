package com.mrmentor.platform.projections.audit;

import com.mrmentor.platform.shared.audit.ChainLink;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the hash chain over the event store: every stored event gets the next link, computed over the bytes the
 * event table holds (read back by position, never re-serialized: personal fields are sealed with a random nonce, and
 * only the stored bytes are what an auditor can check). One segment, one thread, so links follow the order events
 * become visible. Redelivered events are recognised by their position and chained once.
 *
 * <p>Never replayed: a rebuild would recompute every link over whatever the store holds now, and so bless tampering.
 */
@Component
@ProcessingGroup(AuditChainKeeper.PROCESSING_GROUP)
public class AuditChainKeeper {

    public static final String PROCESSING_GROUP = "audit-chain";

    private final JdbcTemplate jdbc;

    public AuditChainKeeper(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    @DisallowReplay
    void on(EventMessage<?> event, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new IllegalStateException(
                "The audit chain needs the event's global position; the token " + token + " has none"));
        if (jdbc.queryForObject("SELECT count(*) FROM audit_chain WHERE global_index = ?", Integer.class,
                position) > 0) {
            return;
        }
        ChainLink.StoredForm stored = jdbc.query("SELECT global_index, event_identifier, type, aggregate_identifier, "
                        + "sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data "
                        + "FROM domain_event_entry WHERE global_index = ?",
                (rs, row) -> new ChainLink.StoredForm(rs.getLong("global_index"), rs.getString("event_identifier"),
                        rs.getString("type"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                        rs.getString("time_stamp"), rs.getString("payload_type"), rs.getString("payload_revision"),
                        rs.getBytes("payload"), rs.getBytes("meta_data")), position)
                .stream().findFirst().orElseThrow(() -> new IllegalStateException(
                        "Event at position " + position + " was delivered but is not in the event table"));
        List<Object[]> head = jdbc.query("SELECT chain_number, link FROM audit_chain ORDER BY chain_number DESC "
                + "FETCH FIRST 1 ROWS ONLY", (rs, row) -> new Object[] {rs.getLong(1), rs.getString(2)});
        long number = head.isEmpty() ? 1 : (Long) head.get(0)[0] + 1;
        String previous = head.isEmpty() ? ChainLink.GENESIS : (String) head.get(0)[1];
        jdbc.update("INSERT INTO audit_chain (chain_number, global_index, occurred_at, link, chained_at) "
                        + "VALUES (?, ?, ?, ?, ?)", number, position, Timestamp.from(Instant.parse(stored.timestamp())),
                ChainLink.next(previous, stored), Timestamp.from(Instant.now()));
    }
}
