package com.mrmentor.platform.command.invoicing;

import com.mrmentor.platform.shared.invoicing.DocumentKind;
import com.mrmentor.platform.shared.invoicing.OpenDocumentSeries;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens every document series when the server starts. A series is an aggregate, and two first documents of a new
 * series issued at the same moment would both try to create it (one would fail); opened here, once, issuers only
 * ever load it. A second node starting at the same time loses the race harmlessly.
 */
@Component
class DocumentSeriesBootstrap {

    private static final Logger log = LoggerFactory.getLogger(DocumentSeriesBootstrap.class);

    private final CommandGateway commands;

    DocumentSeriesBootstrap(CommandGateway commands) {
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void openSeries() {
        for (DocumentKind kind : DocumentKind.values()) {
            try {
                commands.sendAndWait(new OpenDocumentSeries(kind));
            } catch (RuntimeException e) {
                log.warn("Could not open the {} series now; the first document will: {}", kind, e.toString());
            }
        }
    }
}
