package com.mrmentor.platform.command.payments;

import com.mrmentor.platform.shared.payments.PaymentCaptured;
import com.mrmentor.platform.shared.payments.PaymentOrderCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds our order from the provider's ids: a webhook names the provider's order (payments) or payment (refunds),
 * and finance refunds a payment by its id. Owned by the command side, never a read model, and written by a
 * <em>subscribing</em> processor in the transaction of the event, so a callback or webhook right after the order's
 * 201 finds it. Its unique keys also keep one provider payment to one order.
 */
@Component
@ProcessingGroup(PaymentDirectory.PROCESSING_GROUP)
public class PaymentDirectory {

    static final String PROCESSING_GROUP = "payment-directory";

    private final JdbcTemplate jdbc;

    public PaymentDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentOrderCreated event) {
        jdbc.update("INSERT INTO payment_directory (order_id, user_id, provider_order_id) VALUES (?, ?, ?)",
                event.orderId(), event.userId(), event.providerOrderId());
    }

    @EventHandler
    void on(PaymentCaptured event) {
        try {
            jdbc.update("UPDATE payment_directory SET provider_payment_id = ? WHERE order_id = ?",
                    event.providerPaymentId(), event.orderId());
        } catch (DuplicateKeyException reused) {
            throw PaymentRules.paymentAlreadyUsed();
        }
    }

    /** Our order the provider knows as {@code providerOrderId}. */
    public Optional<UUID> orderOfProviderOrder(String providerOrderId) {
        return jdbc.query("SELECT order_id FROM payment_directory WHERE provider_order_id = ?",
                (rs, row) -> rs.getObject(1, UUID.class), providerOrderId).stream().findFirst();
    }

    /** Whether order {@code orderId} was created. */
    public boolean knows(UUID orderId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM payment_directory WHERE order_id = ?",
                Integer.class, orderId);
        return count != null && count > 0;
    }

    /** Our order that payment {@code providerPaymentId} paid. */
    public Optional<UUID> orderOfPayment(String providerPaymentId) {
        return jdbc.query("SELECT order_id FROM payment_directory WHERE provider_payment_id = ?",
                (rs, row) -> rs.getObject(1, UUID.class), providerPaymentId).stream().findFirst();
    }
}
