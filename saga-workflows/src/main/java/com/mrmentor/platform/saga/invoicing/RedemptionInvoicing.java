package com.mrmentor.platform.saga.invoicing;

import com.mrmentor.platform.shared.invoicing.InvoiceRedemption;
import com.mrmentor.platform.shared.tokens.LotAllocation;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokenHoldCaptured;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * When the ledger captures a hold (a session's tokens are spent), asks for the tax invoice of the PAID tokens it
 * spent, one per purchase they came from (each purchase has its own place of supply and price). Promotional tokens
 * were given away and are not invoiced. The command joins this processor's transaction, so the invoice and the
 * processor's progress are stored together. A failure is retried with back-off until it succeeds: later invoices
 * wait rather than one being skipped (the group has no dead-letter queue on purpose), and the invoice's id, derived
 * from the hold and the purchase, makes a retry or a redelivery invoice nothing twice. A replay never re-invoices:
 * the handler does not run during replays.
 */
@Component
@ProcessingGroup(RedemptionInvoicing.PROCESSING_GROUP)
public class RedemptionInvoicing {

    public static final String PROCESSING_GROUP = "gst-redemptions";

    private final CommandGateway commands;

    public RedemptionInvoicing(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(TokenHoldCaptured event, @Timestamp Instant capturedAt) {
        Map<UUID, Long> paidByGrant = new TreeMap<>();
        for (LotAllocation allocation : event.allocations()) {
            if (allocation.category() == TokenCategory.PAID) {
                paidByGrant.merge(allocation.grantId(), allocation.amount(), Long::sum);
            }
        }
        paidByGrant.forEach((grantId, tokens) -> commands.sendAndWait(new InvoiceRedemption(event.userId(),
                event.holdId(), grantId, tokens, event.reference(), capturedAt)));
    }
}
