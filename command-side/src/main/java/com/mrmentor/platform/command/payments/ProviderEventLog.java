package com.mrmentor.platform.command.payments;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The provider events (webhook deliveries) already acted on, keyed by the provider's event id. The row is written in
 * the transaction of the command the delivery causes: a concurrent second delivery waits on the first's key and is
 * refused once it commits; a delivery whose command fails leaves no row, so its retry acts.
 */
@Component
public class ProviderEventLog {

    private final JdbcTemplate jdbc;

    public ProviderEventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers {@code eventId}, or refuses with {@code duplicate-provider-event} if it was acted on. */
    void remember(String eventId, String eventType, Instant receivedAt) {
        try {
            jdbc.update("INSERT INTO payment_provider_event (event_id, event_type, received_at) VALUES (?, ?, ?)",
                    eventId, eventType, Timestamp.from(receivedAt));
        } catch (DuplicateKeyException seen) {
            throw PaymentRules.duplicateProviderEvent();
        }
    }
}
