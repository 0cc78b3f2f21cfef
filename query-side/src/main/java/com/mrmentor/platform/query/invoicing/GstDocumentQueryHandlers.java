package com.mrmentor.platform.query.invoicing;

import com.mrmentor.platform.projections.invoicing.GstDocumentReads;
import com.mrmentor.platform.query.audit.StoredEvent;
import com.mrmentor.platform.query.audit.StoredEventReader;
import com.mrmentor.platform.shared.invoicing.FindGstDocument;
import com.mrmentor.platform.shared.invoicing.FindGstDocuments;
import com.mrmentor.platform.shared.invoicing.FindTaxSettings;
import com.mrmentor.platform.shared.invoicing.GstDocumentPage;
import com.mrmentor.platform.shared.invoicing.GstDocumentView;
import com.mrmentor.platform.shared.invoicing.InvoicingIds;
import com.mrmentor.platform.shared.invoicing.PointOfTaxation;
import com.mrmentor.platform.shared.invoicing.TaxSettingsView;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Answers the invoicing queries: documents from their read model, the tax setting from its own events. */
@Component
public class GstDocumentQueryHandlers {

    private final GstDocumentReads reads;
    private final StoredEventReader events;
    private final PointOfTaxation configured;

    public GstDocumentQueryHandlers(GstDocumentReads reads, StoredEventReader events,
                                    @Value("${platform.invoicing.point-of-taxation:REDEMPTION}")
                                    PointOfTaxation configured) {
        this.reads = reads;
        this.events = events;
        this.configured = configured;
    }

    /** The document, or null. */
    @QueryHandler
    public GstDocumentView handle(FindGstDocument query) {
        return reads.document(query.documentId(), query.buyerId()).orElse(null);
    }

    @QueryHandler
    public GstDocumentPage handle(FindGstDocuments query) {
        return reads.documents(query);
    }

    /** The last change of the setting (a handful of events ever), or the configured default. */
    @QueryHandler
    public TaxSettingsView handle(FindTaxSettings query) {
        List<StoredEvent> changes = events.eventsOf(InvoicingIds.SETTINGS);
        if (changes.isEmpty()) {
            return new TaxSettingsView(configured, null, null, null);
        }
        JsonNode last = changes.get(changes.size() - 1).payload();
        return new TaxSettingsView(PointOfTaxation.valueOf(last.get("pointOfTaxation").asText()),
                StoredEvent.instant(last.get("changedAt")), UUID.fromString(last.get("changedBy").asText()),
                last.get("reason").asText());
    }
}
