package com.mrmentor.platform.command.invoicing;

import com.mrmentor.platform.shared.invoicing.GstDocumentIssued;
import com.mrmentor.platform.shared.invoicing.InvoicingIds;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One issued GST document. It is never changed: its one event holds everything it prints. Its identifier derives
 * from the fact it documents ({@link InvoicingIds}), so a fact handled twice cannot be documented twice.
 */
@Aggregate
public class GstDocument {

    @AggregateIdentifier
    private String id;

    /** For Axon, which rebuilds the document from its event. */
    protected GstDocument() {
    }

    public GstDocument(GstDocumentIssued issued) {
        apply(issued);
    }

    @EventSourcingHandler
    void on(GstDocumentIssued event) {
        id = InvoicingIds.document(event.documentId());
    }
}
