package com.mrmentor.platform.projections.hub;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last event sequence each hub read model applied per aggregate: an event at or below it was applied already (a
 * redelivery) and changes nothing. Runs in the handler's transaction, so position and change commit together.
 */
final class ReadPositions {

    private ReadPositions() {
    }

    /** Records {@code sequence} for {@code aggregateId} and says whether the event is new. */
    static boolean advance(JdbcTemplate jdbc, String aggregateId, long sequence) {
        if (jdbc.update("UPDATE hub_read_position SET last_sequence = ? WHERE aggregate_id = ? AND last_sequence < ?",
                sequence, aggregateId, sequence) == 1) {
            return true;
        }
        return jdbc.update("INSERT INTO hub_read_position (aggregate_id, last_sequence) SELECT ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM hub_read_position WHERE aggregate_id = ?)", aggregateId, sequence, aggregateId) == 1;
    }

    /** Forgets the positions of aggregates whose id starts with {@code prefix}, for a replay. */
    static void reset(JdbcTemplate jdbc, String prefix) {
        jdbc.update("DELETE FROM hub_read_position WHERE aggregate_id LIKE ?", prefix + "%");
    }
}
