package com.mrmentor.platform.command.audit;

import com.mrmentor.platform.shared.audit.AuditReadRecorded;
import com.mrmentor.platform.shared.audit.RecordAuditRead;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One reader's audit reads of one day. Reads are facts like any other: stored as events, they are in the hash chain
 * and the audit feed, so who looked at which history cannot be quietly removed. A trail per reader and day keeps each
 * stream short and lets readers record in parallel.
 */
@Aggregate
public class AuditTrail {

    @AggregateIdentifier
    private String trailId;

    /** For Axon, which rebuilds the trail from its events. */
    protected AuditTrail() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordAuditRead command) {
        if (command.readerId() == null || command.resource() == null || command.at() == null) {
            throw new IllegalArgumentException("An audit read names its reader, resource and time");
        }
        apply(new AuditReadRecorded(command.trailId(), command.readerId(), command.resource(), command.query(),
                command.aggregateType(), command.aggregateIdentifier(), command.at()));
    }

    @EventSourcingHandler
    void on(AuditReadRecorded event) {
        trailId = event.trailId();
    }
}
