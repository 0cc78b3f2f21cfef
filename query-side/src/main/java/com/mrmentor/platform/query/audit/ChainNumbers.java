package com.mrmentor.platform.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/** Turns a position or an instant into a number of the audit chain, for verification and period exports. */
@Component
public class ChainNumbers {

    private final JdbcTemplate jdbc;

    public ChainNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The first link of an event at or after {@code position}, or at or after {@code at}, or the first of all. */
    public Long firstFrom(Long position, Instant at) {
        if (position != null) {
            return jdbc.queryForObject("SELECT min(chain_number) FROM audit_chain WHERE global_index >= ?",
                    Long.class, position);
        }
        if (at != null) {
            return jdbc.queryForObject("SELECT min(chain_number) FROM audit_chain WHERE occurred_at >= ?",
                    Long.class, Timestamp.from(at));
        }
        return jdbc.queryForObject("SELECT min(chain_number) FROM audit_chain", Long.class);
    }

    /** The last link of an event at or before {@code position}, or before {@code at}, or the last of all. */
    public Long lastTo(Long position, Instant at) {
        if (position != null) {
            return jdbc.queryForObject("SELECT max(chain_number) FROM audit_chain WHERE global_index <= ?",
                    Long.class, position);
        }
        if (at != null) {
            return jdbc.queryForObject("SELECT max(chain_number) FROM audit_chain WHERE occurred_at < ?",
                    Long.class, Timestamp.from(at));
        }
        return jdbc.queryForObject("SELECT max(chain_number) FROM audit_chain", Long.class);
    }
}
