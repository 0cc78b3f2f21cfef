package com.mrmentor.platform.projections.invoicing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.shared.invoicing.GstDocumentIssued;
import com.mrmentor.platform.shared.invoicing.GstDocumentView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;

/**
 * One row per GST document, with the document as JSON. Documents never change, so a redelivered event is simply
 * not inserted twice; a reset clears the table for a replay.
 */
@Component
@ProcessingGroup(GstDocumentProjection.PROCESSING_GROUP)
public class GstDocumentProjection {

    public static final String PROCESSING_GROUP = "gst-documents";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public GstDocumentProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(GstDocumentIssued e) throws JsonProcessingException {
        GstDocumentView view = GstDocumentView.of(e);
        jdbc.update("INSERT INTO gst_document_view (document_id, kind, number, financial_year, sequence, "
                        + "document_date, issued_at, buyer_id, buyer_gstin, place_of_supply, tokens, taxable_value, "
                        + "cgst, sgst, igst, total, currency, order_id, reference_document_id, document) "
                        + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM gst_document_view WHERE document_id = ?)",
                e.documentId(), e.kind().name(), e.number(), e.financialYear(), e.sequence(),
                Date.valueOf(e.documentDate()), Timestamp.from(e.issuedAt()), e.buyerId(), e.buyerGstin(),
                e.placeOfSupply(), e.tokens(), e.amounts().taxableValue(), e.amounts().cgst(), e.amounts().sgst(),
                e.amounts().igst(), e.amounts().total(), e.currency(), e.orderId(), e.referenceDocumentId(),
                json.writeValueAsString(view), e.documentId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM gst_document_view");
    }
}
