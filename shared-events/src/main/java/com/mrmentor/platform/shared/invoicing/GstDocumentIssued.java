package com.mrmentor.platform.shared.invoicing;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A GST document was issued: everything it prints, so that it renders the same from its event forever. The only
 * event of a {@code GstDocument}; documents are never changed, only answered by other documents (a credit note or
 * refund voucher names the document it answers in {@code referenceDocumentId}).
 *
 * @param number          e.g. {@code MM/26-27/000123}: prefix / financial year / sequence, at most 16 characters
 * @param documentDate    the date of issue in India
 * @param buyerGstin      the buyer's GST registration, or null for an unregistered buyer
 * @param placeOfSupply   the buyer's billing state (their registration's state when registered)
 * @param tokens          how many tokens the document covers
 * @param amounts         taxable value and GST
 * @param orderId         the purchase the tokens came from
 * @param source          the fact documented: {@code payment pay_…}, {@code booking:… hold …}, {@code refund …}
 * @param pointOfTaxation the setting the purchase was made under
 * @param reason          why (refunds), else null
 */
@Revision("1")
public record GstDocumentIssued(UUID documentId, DocumentKind kind, String number, String financialYear,
                                long sequence, LocalDate documentDate, Instant issuedAt, Supplier supplier,
                                UUID buyerId, String buyerGstin, String placeOfSupply, String sac,
                                String description, long tokens, int gstRatePercent, TaxAmounts amounts,
                                String currency, UUID orderId, UUID grantId, String source,
                                UUID referenceDocumentId, String referenceNumber, LocalDate referenceDate,
                                PointOfTaxation pointOfTaxation, String reason) {
}
