package com.mrmentor.platform.command.earnings;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The payout webhook deliveries already acted on, keyed by the provider's event id, written in the transaction of
 * the command the delivery causes (like the payments' {@code ProviderEventLog}): a concurrent second delivery waits
 * on the key and is refused once the first commits; a delivery whose command fails leaves no row.
 */
@Component
public class PayoutProviderEventLog {

    private final JdbcTemplate jdbc;

    public PayoutProviderEventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers {@code eventId}, or refuses with {@code duplicate-provider-event} if it was acted on. */
    void remember(String eventId, String eventType, Instant receivedAt) {
        try {
            jdbc.update("INSERT INTO payout_provider_event (event_id, event_type, received_at) VALUES (?, ?, ?)",
                    eventId, eventType, Timestamp.from(receivedAt));
        } catch (DuplicateKeyException seen) {
            throw EarningsRules.duplicateProviderEvent();
        }
    }
}
