package com.mrmentor.platform.shared.invoicing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Aggregate identifiers of the invoicing context. A document's id derives from the fact it documents, so that the
 * same fact can only ever be documented once however often it is handled.
 */
public final class InvoicingIds {

    public static final String SERIES_PREFIX = "document-series:";
    public static final String DOCUMENT_PREFIX = "gst-document:";
    public static final String VOUCHER_PREFIX = "purchase-voucher:";
    public static final String SETTINGS = "tax-settings";

    private InvoicingIds() {
    }

    /** The number series whose numbers start with {@code prefix}. */
    public static String series(String prefix) {
        return SERIES_PREFIX + prefix;
    }

    public static String document(UUID documentId) {
        return DOCUMENT_PREFIX + documentId;
    }

    /** The voucher of the tokens a purchase granted, by the purchase's grant id. */
    public static String voucher(UUID grantId) {
        return VOUCHER_PREFIX + grantId;
    }

    /** The receipt or tax invoice of the purchase paid for order {@code orderId}. */
    public static UUID purchaseDocument(UUID orderId) {
        return derived("purchase", orderId.toString());
    }

    /** The tax invoice for the tokens of grant {@code grantId} that hold {@code holdId} spent. */
    public static UUID redemptionInvoice(UUID holdId, UUID grantId) {
        return derived("redemption", holdId + "/" + grantId);
    }

    /** The credit note or refund voucher of refund {@code refundId}. */
    public static UUID refundDocument(UUID refundId) {
        return derived("refund", refundId.toString());
    }

    private static UUID derived(String kind, String key) {
        return UUID.nameUUIDFromBytes(("gst-document\n" + kind + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }
}
