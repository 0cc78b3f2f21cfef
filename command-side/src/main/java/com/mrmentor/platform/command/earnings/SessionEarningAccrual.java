package com.mrmentor.platform.command.earnings;

import com.mrmentor.platform.shared.booking.BookingSettled;
import com.mrmentor.platform.shared.common.MetadataKeys;
import com.mrmentor.platform.shared.earnings.AccrueSessionEarning;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Turns every booking settlement that captured tokens into the mentor's earning. A tracking processor with a
 * dead-letter queue: the settlement is already stored, and the ledger accrues a booking once, so a redelivered or
 * replayed settlement changes nothing.
 */
@Component
@ProcessingGroup(SessionEarningAccrual.PROCESSING_GROUP)
public class SessionEarningAccrual {

    public static final String PROCESSING_GROUP = "earnings-accrual";

    private final CommandGateway commands;

    public SessionEarningAccrual(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay // sends a command: never again on a replay (the operations endpoint refuses this group too)
    void on(BookingSettled settled) {
        if (settled.capturedTokens() <= 0) {
            return;
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new AccrueSessionEarning(settled.mentorId(),
                settled.bookingId(), settled.capturedTokens(), settled.end()))
                .andMetaData(Map.of(MetadataKeys.USER_ID, MetadataKeys.SYSTEM_ACTOR)));
    }
}
