package com.mrmentor.platform.shared.invoicing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A GST document as served: the fields of {@link GstDocumentIssued}, with its title and total. */
public record GstDocumentView(UUID documentId, DocumentKind kind, String title, String number,
                              String financialYear, long sequence, LocalDate documentDate, Instant issuedAt,
                              Supplier supplier, UUID buyerId, String buyerGstin, String placeOfSupply, String sac,
                              String description, long tokens, int gstRatePercent, TaxAmounts amounts, long total,
                              String currency, UUID orderId, UUID grantId, String source,
                              UUID referenceDocumentId, String referenceNumber, LocalDate referenceDate,
                              PointOfTaxation pointOfTaxation, String reason) {

    public static GstDocumentView of(GstDocumentIssued e) {
        return new GstDocumentView(e.documentId(), e.kind(), e.kind().title(), e.number(), e.financialYear(),
                e.sequence(), e.documentDate(), e.issuedAt(), e.supplier(), e.buyerId(), e.buyerGstin(),
                e.placeOfSupply(), e.sac(), e.description(), e.tokens(), e.gstRatePercent(), e.amounts(),
                e.amounts().total(), e.currency(), e.orderId(), e.grantId(), e.source(), e.referenceDocumentId(),
                e.referenceNumber(), e.referenceDate(), e.pointOfTaxation(), e.reason());
    }
}
