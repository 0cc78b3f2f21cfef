package com.mrmentor.platform.shared.invoicing;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The tokens of a purchase became a voucher worth {@code value} (what was paid for them, GST included), under the
 * tax decisions of the moment they were bought: place of supply, the buyer's GSTIN and the point of taxation. The
 * purchase's own document (a receipt, or a tax invoice at purchase) is {@code purchaseDocumentId}.
 */
@Revision("1")
public record PurchaseVoucherOpened(UUID grantId, UUID orderId, UUID userId, long tokens, int gstRatePercent,
                                    TaxAmounts value, String currency, String placeOfSupply, String buyerGstin,
                                    PointOfTaxation pointOfTaxation, UUID purchaseDocumentId,
                                    String purchaseDocumentNumber, LocalDate purchaseDocumentDate,
                                    Instant openedAt) {
}
