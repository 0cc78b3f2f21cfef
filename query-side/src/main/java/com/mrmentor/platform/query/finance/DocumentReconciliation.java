package com.mrmentor.platform.query.finance;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.query.audit.StoredEvent;
import com.mrmentor.platform.query.audit.StoredEventReader;
import com.mrmentor.platform.query.finance.ReconciliationReport.DocumentTotals;
import com.mrmentor.platform.query.finance.ReconciliationReport.KindTotals;
import com.mrmentor.platform.query.finance.ReconciliationReport.Mismatch;
import com.mrmentor.platform.query.finance.ReconciliationReport.PaymentTotals;
import com.mrmentor.platform.query.finance.ReconciliationReport.SeriesCheck;
import com.mrmentor.platform.query.tokens.StoredTokensGranted;
import com.mrmentor.platform.shared.invoicing.InvoicingIds;
import com.mrmentor.platform.shared.payments.PaymentIds;
import com.mrmentor.platform.shared.tokens.GrantSource;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reconciles money and GST documents from the event store:
 * <ul>
 *   <li>every payment captured in the period against its PAID grant in the wallet (a purchase of that order, of the
 *       same tokens: {@link StoredTokensGranted} reads both revisions of the grant) and its purchase document (a
 *       receipt, or a tax invoice at purchase) of the same amount — both are written in the capture's transaction;</li>
 *   <li>every hold captured in the period that spent tokens bought under "tax at redemption" against its tax
 *       invoice (issued by a processor, so only captures older than {@link #INVOICE_LAG} count as missing);</li>
 *   <li>every refund processed in the period against its credit note or refund voucher of the same amount;</li>
 *   <li>every document issued in the period against a fact it documents;</li>
 *   <li>each number series, per financial year: numbers 1…n, each once, each document's number assigned to it;</li>
 *   <li>each document against its row in the read model {@code gst_document_view}.</li>
 * </ul>
 * Cost: one streaming pass over the payment, wallet, voucher, document and series events.
 */
@Component
public class DocumentReconciliation {

    /** How long the redemption processor may take to invoice a captured hold, and the read model to list it. */
    static final Duration INVOICE_LAG = Duration.ofMinutes(10);
    private static final int MAX_LISTED_GAPS = 20;

    private final StoredEventReader events;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DocumentReconciliation(StoredEventReader events, JdbcTemplate jdbc, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The payment and document sections of the report; mismatches are added to {@code mismatches}. */
    public Sections reconcile(Instant from, Instant to, List<Mismatch> mismatches) {
        Instant now = clock.instant();
        long[] pay = new long[7];
        Map<String, JsonNode> capturesInPeriod = new TreeMap<>();
        Set<UUID> capturedOrders = new HashSet<>();
        Map<String, JsonNode> refundsInPeriod = new TreeMap<>();
        Map<String, JsonNode> refundRequests = new HashMap<>();
        Set<UUID> processedRefunds = new HashSet<>();
        events.scanType("PaymentOrder", event -> {
            JsonNode p = event.payload();
            boolean inPeriod = in(event, from, to);
            switch (simpleName(event)) {
                case "PaymentCaptured" -> {
                    capturedOrders.add(uuid(p, "orderId"));
                    if (inPeriod) {
                        capturesInPeriod.put(p.get("orderId").asText(), p);
                        pay[0]++;
                        pay[1] += p.get("amount").asLong();
                        pay[2] += p.get("tokens").asLong();
                    }
                }
                case "PaymentRefundRequested" -> refundRequests.put(p.get("refundId").asText(), p);
                case "PaymentRefundProcessed" -> {
                    processedRefunds.add(uuid(p, "refundId"));
                    if (inPeriod) {
                        refundsInPeriod.put(p.get("refundId").asText(), p);
                        pay[4]++;
                        pay[5] += p.get("amount").asLong();
                        JsonNode request = refundRequests.get(p.get("refundId").asText());
                        pay[6] += request == null ? 0 : request.get("tokens").asLong();
                    }
                }
                default -> {
                }
            }
        });

        Map<UUID, StoredTokensGranted> paidGrants = new HashMap<>();
        List<Redemption> redemptions = new ArrayList<>();
        events.scanType("TokenWallet", event -> {
            JsonNode p = event.payload();
            switch (simpleName(event)) {
                case "TokensGranted" -> {
                    StoredTokensGranted grant = StoredTokensGranted.of(event); // either revision
                    if (grant.category() == TokenCategory.PAID) {
                        paidGrants.put(grant.grantId(), grant);
                    }
                }
                case "TokenHoldCaptured" -> {
                    Map<UUID, Long> byGrant = new TreeMap<>();
                    for (JsonNode allocation : p.path("allocations")) {
                        if ("PAID".equals(allocation.get("category").asText())) {
                            byGrant.merge(uuid(allocation, "grantId"), allocation.get("amount").asLong(), Long::sum);
                        }
                    }
                    UUID holdId = uuid(p, "holdId");
                    byGrant.forEach((grantId, tokens) -> redemptions.add(new Redemption(holdId, grantId, tokens,
                            p.path("reference").asText(), event.timestamp(), in(event, from, to))));
                }
                default -> {
                }
            }
        });

        Map<UUID, String> voucherTaxPoint = new HashMap<>();
        events.scanType("PurchaseVoucher", event -> {
            if (simpleName(event).equals("PurchaseVoucherOpened")) {
                voucherTaxPoint.put(uuid(event.payload(), "grantId"), event.payload().get("pointOfTaxation").asText());
            }
        });

        Map<UUID, JsonNode> documents = new HashMap<>();
        Map<String, List<UUID>> documentsByNumber = new HashMap<>();
        Map<String, KindTotals> issued = new TreeMap<>();
        List<JsonNode> issuedInPeriod = new ArrayList<>();
        events.scanType("GstDocument", event -> {
            JsonNode d = event.payload();
            UUID documentId = uuid(d, "documentId");
            documents.put(documentId, d);
            documentsByNumber.computeIfAbsent(d.get("number").asText(), n -> new ArrayList<>()).add(documentId);
            if (in(event, from, to)) {
                issuedInPeriod.add(d);
                JsonNode a = d.get("amounts");
                issued.merge(d.get("kind").asText(), new KindTotals(1, d.get("tokens").asLong(),
                        a.get("taxableValue").asLong(), a.get("cgst").asLong(), a.get("sgst").asLong(),
                        a.get("igst").asLong(), total(d)), KindTotals::plus);
            }
        });

        // payments: each with its PAID grant and its purchase document
        long[] boughtGranted = new long[1];
        capturesInPeriod.forEach((orderId, c) -> {
            UUID order = UUID.fromString(orderId);
            long tokens = c.get("tokens").asLong();
            StoredTokensGranted granted = paidGrants.get(uuid(c, "grantId"));
            boughtGranted[0] += granted == null ? 0 : granted.amount();
            boolean asBought = granted != null && granted.amount() == tokens
                    && granted.source() == GrantSource.PURCHASE && order.equals(granted.orderId());
            if (!asBought) {
                mismatches.add(new Mismatch(granted == null ? "PAYMENT_WITHOUT_GRANT" : "PAYMENT_GRANT_MISMATCH",
                        "order " + orderId + " grant " + c.get("grantId").asText(),
                        tokens + " PAID tokens, PURCHASE of order " + orderId,
                        granted == null ? "none" : granted.amount() + " PAID tokens, " + granted.source()
                                + (granted.orderId() == null ? "" : " of order " + granted.orderId()),
                        "the captured payment's PAID grant is not in the buyer's wallet as bought"));
            }
            JsonNode document = documents.get(InvoicingIds.purchaseDocument(order));
            if (document == null) {
                mismatches.add(new Mismatch("PURCHASE_WITHOUT_DOCUMENT", "order " + orderId + " payment "
                        + c.get("providerPaymentId").asText(), "RECEIPT or TAX_INVOICE", "none",
                        "the captured payment has no receipt or tax invoice"));
            } else if (total(document) != c.get("amount").asLong()) {
                mismatches.add(new Mismatch("DOCUMENT_AMOUNT_MISMATCH", "order " + orderId + " document "
                        + document.get("number").asText(), String.valueOf(c.get("amount").asLong()),
                        String.valueOf(total(document)), "the purchase document's total is not the amount paid"));
            }
        });

        // redemptions of tokens taxed at redemption: each with its tax invoice
        Set<UUID> expectedRedemptionInvoices = new HashSet<>();
        long[] redemptionCounts = new long[2];
        Instant invoicedBy = now.minus(INVOICE_LAG);
        for (Redemption r : redemptions) {
            if (!"REDEMPTION".equals(voucherTaxPoint.get(r.grantId()))) {
                continue; // not bought, or invoiced at purchase
            }
            UUID invoiceId = InvoicingIds.redemptionInvoice(r.holdId(), r.grantId());
            expectedRedemptionInvoices.add(invoiceId);
            if (!r.inPeriod()) {
                continue;
            }
            redemptionCounts[0]++;
            JsonNode invoice = documents.get(invoiceId);
            if (invoice != null) {
                redemptionCounts[1]++;
                if (invoice.get("tokens").asLong() != r.tokens()) {
                    mismatches.add(new Mismatch("DOCUMENT_TOKENS_MISMATCH", r.reference() + " hold " + r.holdId()
                            + " grant " + r.grantId(), String.valueOf(r.tokens()), invoice.get("tokens").asText(),
                            "the tax invoice covers another number of tokens than the hold spent"));
                }
            } else if (r.at().isBefore(invoicedBy)) {
                mismatches.add(new Mismatch("REDEMPTION_WITHOUT_INVOICE", r.reference() + " hold " + r.holdId()
                        + " grant " + r.grantId(), "TAX_INVOICE for " + r.tokens() + " tokens", "none",
                        "the hold spent tokens bought under tax at redemption at " + r.at()
                        + " and no tax invoice was issued"));
            }
        }

        // refunds: each with its credit note or refund voucher
        refundsInPeriod.forEach((refundId, r) -> {
            UUID order = uuid(r, "orderId");
            if (!voucherTaxPoint.containsKey(PaymentIds.grantOf(order))) {
                return; // bought before documents were issued; its purchase is reported above
            }
            JsonNode document = documents.get(InvoicingIds.refundDocument(UUID.fromString(refundId)));
            if (document == null) {
                mismatches.add(new Mismatch("REFUND_WITHOUT_DOCUMENT", "order " + order + " refund " + refundId,
                        "CREDIT_NOTE or REFUND_VOUCHER", "none", "the processed refund has no credit note"));
            } else if (total(document) != r.get("amount").asLong()) {
                mismatches.add(new Mismatch("DOCUMENT_AMOUNT_MISMATCH", "refund " + refundId + " document "
                        + document.get("number").asText(), r.get("amount").asText(), String.valueOf(total(document)),
                        "the refund document's total is not the amount refunded"));
            }
        });

        // documents: each with the fact it documents
        for (JsonNode d : issuedInPeriod) {
            UUID documentId = uuid(d, "documentId");
            UUID order = uuid(d, "orderId");
            String kind = d.get("kind").asText();
            boolean known = switch (kind) {
                case "RECEIPT" -> capturedOrders.contains(order)
                        && documentId.equals(InvoicingIds.purchaseDocument(order));
                case "TAX_INVOICE" -> documentId.equals(InvoicingIds.purchaseDocument(order))
                        ? capturedOrders.contains(order) : expectedRedemptionInvoices.contains(documentId);
                default -> processedRefunds.stream()
                        .anyMatch(refund -> InvoicingIds.refundDocument(refund).equals(documentId));
            };
            if (!known) {
                mismatches.add(new Mismatch("DOCUMENT_WITHOUT_FACT", kind + " " + d.get("number").asText()
                        + " document " + documentId, "a payment, redemption or refund", "none",
                        "the document answers no captured payment, captured hold or processed refund"));
            }
        }

        List<SeriesCheck> series = checkSeries(documents, documentsByNumber, mismatches);
        compareWithReadModel(documents, now, mismatches);

        return new Sections(new PaymentTotals(pay[0], pay[1], pay[2], boughtGranted[0], pay[4], pay[5], pay[6]),
                new DocumentTotals(issued, redemptionCounts[0], redemptionCounts[1], series));
    }

    /** Numbers of each series and year: 1…n, each given once, each document's number assigned to it. */
    private List<SeriesCheck> checkSeries(Map<UUID, JsonNode> documents, Map<String, List<UUID>> documentsByNumber,
                                          List<Mismatch> mismatches) {
        Map<String, Map<Long, List<JsonNode>>> assigned = new TreeMap<>();
        Map<UUID, String> numberOf = new HashMap<>();
        events.scanType("DocumentSeries", event -> {
            if (!simpleName(event).equals("DocumentNumberAssigned")) {
                return;
            }
            JsonNode a = event.payload();
            String key = a.get("prefix").asText() + "/" + a.get("financialYear").asText();
            assigned.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(a.get("sequence").asLong(), s -> new ArrayList<>()).add(a);
            numberOf.put(uuid(a, "documentId"), a.get("number").asText());
        });
        List<SeriesCheck> checks = new ArrayList<>();
        assigned.forEach((key, sequences) -> {
            long last = sequences.isEmpty() ? 0 : ((TreeMap<Long, List<JsonNode>>) sequences).lastKey();
            List<Long> missing = new ArrayList<>();
            long gaps = 0;
            for (long sequence = 1; sequence <= last; sequence++) {
                List<JsonNode> given = sequences.get(sequence);
                if (given == null) {
                    gaps++;
                    if (missing.size() < MAX_LISTED_GAPS) {
                        missing.add(sequence);
                    }
                } else if (given.size() > 1) {
                    mismatches.add(new Mismatch("SERIES_DUPLICATE", given.get(0).get("number").asText(),
                            "1 document", given.size() + " documents: " + given.stream()
                            .map(g -> g.get("documentId").asText()).toList(), "a number was given more than once"));
                }
            }
            if (gaps > 0) {
                mismatches.add(new Mismatch("SERIES_GAP", key, "numbers 1.." + last, gaps + " missing, first: "
                        + missing, "the series skipped numbers: each must be given to a document"));
            }
            checks.add(new SeriesCheck(key, sequences.size(), last, gaps));
        });
        documentsByNumber.forEach((number, ids) -> {
            if (ids.size() > 1) {
                mismatches.add(new Mismatch("SERIES_DUPLICATE", number, "1 document", ids.size() + " documents: "
                        + ids, "two documents print the same number"));
            }
        });
        documents.forEach((documentId, d) -> {
            String number = numberOf.get(documentId);
            if (!d.get("number").asText().equals(number)) {
                mismatches.add(new Mismatch("DOCUMENT_NUMBER_NOT_ASSIGNED", "document " + documentId,
                        number == null ? "an assigned number" : number, d.get("number").asText(),
                        "the document prints a number its series did not give it"));
            }
        });
        return checks;
    }

    /** Each document (older than the projection's lag) against its row in the read model. */
    private void compareWithReadModel(Map<UUID, JsonNode> documents, Instant now, List<Mismatch> mismatches) {
        Map<UUID, String> rows = new HashMap<>();
        jdbc.query("SELECT document_id, number, total, buyer_id FROM gst_document_view", rs -> {
            rows.put(rs.getObject(1, UUID.class), rs.getString(2) + " " + rs.getLong(3) + " "
                    + rs.getObject(4, UUID.class));
        });
        Instant listedBy = now.minus(INVOICE_LAG);
        documents.forEach((documentId, d) -> {
            String expected = d.get("number").asText() + " " + total(d) + " " + d.get("buyerId").asText();
            String row = rows.remove(documentId);
            if (row == null) {
                if (StoredEvent.instant(d.get("issuedAt")).isBefore(listedBy)) {
                    mismatches.add(new Mismatch("DOCUMENT_MISSING_IN_READ_MODEL", "document " + documentId, expected,
                            "-", "the document has its event but no gst_document_view row"));
                }
            } else if (!row.equals(expected)) {
                mismatches.add(new Mismatch("DOCUMENT_READ_MODEL_DRIFT", "document " + documentId, expected, row,
                        "gst_document_view differs from the document's event (number, total, buyer)"));
            }
        });
        rows.forEach((documentId, row) -> mismatches.add(new Mismatch("DOCUMENT_UNKNOWN_TO_EVENTS",
                "document " + documentId, "-", row, "a gst_document_view row without a document event")));
    }

    private static long total(JsonNode document) {
        JsonNode a = document.get("amounts");
        return a.get("taxableValue").asLong() + a.get("cgst").asLong() + a.get("sgst").asLong()
                + a.get("igst").asLong();
    }

    private static boolean in(StoredEvent event, Instant from, Instant to) {
        return !event.timestamp().isBefore(from) && event.timestamp().isBefore(to);
    }

    private static UUID uuid(JsonNode node, String field) {
        return UUID.fromString(node.get(field).asText());
    }

    private static String simpleName(StoredEvent event) {
        return event.type().substring(event.type().lastIndexOf('.') + 1);
    }

    /** One purchase's tokens spent by one captured hold. */
    private record Redemption(UUID holdId, UUID grantId, long tokens, String reference, Instant at,
                              boolean inPeriod) {
    }

    /** The report's payment and document sections. */
    public record Sections(PaymentTotals payments, DocumentTotals documents) {
    }
}
