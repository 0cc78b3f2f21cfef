package com.mrmentor.platform.projections.audit;

import com.mrmentor.platform.shared.audit.ChainLink;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the hash chain over the event store: every stored event gets the next link, computed over the bytes the
 * event table holds (read back by position, never re-serialized: personal fields are sealed with a random nonce, and
 * only the stored bytes are what an auditor can check). One segment, one thread, so links follow the order events
 * become visible. Redelivered events are recognised by their position and chained once.
 *
 * <p>Never replayed: a rebuild would recompute every link over whatever the store holds now, and so bless tampering.
 *
 * <p>Only on the PostgreSQL event store: with Axon Server (profile {@code axonserver}) the stored bytes are not in
 * {@code domain_event_entry}, so there is no chain and the audit readers say so (ADR 0013).
 */
@Component
@ConditionalOnExpression("!${axon.axonserver.enabled:true} or !${axon.axonserver.event-store.enabled:true}")
@ProcessingGroup(AuditChainKeeper.PROCESSING_GROUP)
public class AuditChainKeeper {

    public static final String PROCESSING_GROUP = "audit-chain";
    private static final String HEAD = AuditChainKeeper.class.getName() + ".head";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditChainKeeper(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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
                (rs, row) -> ChainLink.StoredForm.read(rs), position)
                .stream().findFirst().orElseThrow(() -> new IllegalStateException(
                        "Event at position " + position + " was delivered but is not in the event table"));
        Head head = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(HEAD, key -> storedHead())
                : storedHead();
        String link = ChainLink.next(head.link(), stored);
        jdbc.update("INSERT INTO audit_chain (chain_number, global_index, occurred_at, link, chained_at) "
                        + "VALUES (?, ?, ?, ?, ?)", head.number() + 1, position,
                Timestamp.from(Instant.parse(stored.timestamp())), link, Timestamp.from(clock.instant()));
        head.advance(link);
    }

    /** The chain's newest link as stored: read once per batch, then carried along in the batch's unit of work. */
    private Head storedHead() {
        List<Head> heads = jdbc.query("SELECT chain_number, link FROM audit_chain ORDER BY chain_number DESC "
                + "FETCH FIRST 1 ROWS ONLY", (rs, row) -> new Head(rs.getLong(1), rs.getString(2).trim()));
        return heads.isEmpty() ? new Head(0, ChainLink.GENESIS) : heads.get(0);
    }

    /**
     * The newest link while a batch is being chained. It lives in the batch's unit of work: if the batch rolls back,
     * it goes with it, and the retry reads the head from the table again.
     */
    private static final class Head {

        private long number;
        private String link;

        Head(long number, String link) {
            this.number = number;
            this.link = link;
        }

        long number() {
            return number;
        }

        String link() {
            return link;
        }

        void advance(String newLink) {
            number++;
            link = newLink;
        }
    }
}
