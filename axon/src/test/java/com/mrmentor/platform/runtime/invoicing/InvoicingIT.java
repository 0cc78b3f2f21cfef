package com.mrmentor.platform.runtime.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import com.mrmentor.platform.runtime.simulator.SimulatedWebhooks;
import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.ApiClient.Response;
import com.mrmentor.platform.runtime.support.BookingApi;
import com.mrmentor.platform.runtime.support.BookingApi.Person;
import com.mrmentor.platform.runtime.support.Concurrently;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.PaymentApi.Bought;
import com.mrmentor.platform.runtime.support.PaymentIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;

import static com.mrmentor.platform.runtime.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GST documents over HTTP on PostgreSQL: a receipt for each purchase and a tax invoice for each session it pays
 * for (inter-state: IGST), a tax invoice at purchase when finance moves the point of taxation (intra-state: CGST +
 * SGST) and a credit note for its refund, numbers without gaps under 100 concurrent captures, printable documents
 * that are the same bytes every time, who may see which document, and the reconciliation of payments and documents.
 */
class InvoicingIT extends PaymentIntegrationTest {

    private static final String RECEIPT_NUMBER = "MR/\\d\\d-\\d\\d/\\d{6}";

    @Autowired
    private JdbcTemplate jdbc;

    private BookingApi bookings() {
        return new BookingApi(api(), identity());
    }

    @Test
    void aPurchaseGetsAReceiptAndASessionPaidWithItsTokensATaxInvoice() throws Exception {
        Person student = bookings().newStudent("receipted");
        Bought bought = payments().buy(student.token(), "pack-5", "MH", null);

        JsonNode receipt = payments().awaitDocuments(student.token(), "RECEIPT", 1).get(0);
        assertThat(receipt.get("number").asText()).matches(RECEIPT_NUMBER);
        assertThat(receipt.get("title").asText()).isEqualTo("Receipt voucher");
        assertThat(receipt.get("orderId").asText()).isEqualTo(bought.orderId().toString());
        assertThat(receipt.get("placeOfSupply").asText()).isEqualTo("MH");
        assertThat(receipt.at("/amounts/taxableValue").asLong()).isEqualTo(142_500);
        assertThat(receipt.at("/amounts/igst").asLong()).isEqualTo(25_650);
        assertThat(receipt.at("/amounts/cgst").asLong()).isZero();
        assertThat(receipt.get("total").asLong()).isEqualTo(bought.amount()).isEqualTo(168_150);
        assertThat(receipt.get("pointOfTaxation").asText()).isEqualTo("REDEMPTION");
        assertThat(receipt.at("/supplier/gstin").asText()).isEqualTo("29AAACM1234F1ZU");

        // a completed session (2 tokens) spends two of the five: its tax invoice carries their share
        UUID booking = completedSession(student);
        JsonNode invoice = payments().awaitDocuments(student.token(), "TAX_INVOICE", 1).get(0);
        assertThat(invoice.get("number").asText()).matches("MM/\\d\\d-\\d\\d/\\d{6}");
        assertThat(invoice.get("tokens").asLong()).isEqualTo(2);
        assertThat(invoice.at("/amounts/taxableValue").asLong()).isEqualTo(57_000);
        assertThat(invoice.at("/amounts/igst").asLong()).isEqualTo(10_260);
        assertThat(invoice.get("placeOfSupply").asText()).isEqualTo("MH");
        assertThat(invoice.get("referenceNumber").asText()).isEqualTo(receipt.get("number").asText());
        assertThat(invoice.get("source").asText()).contains(booking.toString());
        assertThat(invoice.get("sac").asText()).isEqualTo("999293");

        // printable, the same bytes every time, for its buyer and for finance alike
        String path = "/api/me/documents/" + invoice.get("documentId").asText() + "/html";
        Response html = api().get(path, student.token());
        Response again = api().get(path, student.token());
        Response forFinance = api().get("/api/finance/invoices/" + invoice.get("documentId").asText() + "/html",
                auditor());
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).startsWith("text/html");
        assertThat(sha256(again.rawBody())).isEqualTo(sha256(html.rawBody()));
        assertThat(sha256(forFinance.rawBody())).isEqualTo(sha256(html.rawBody()));
        assertThat(html.rawBody()).contains(invoice.get("number").asText(), "Tax invoice", "IGST @ 18%",
                "Maharashtra (MH, 27)", "Karnataka (KA, 29)", "570.00", "102.60", "672.60",
                "Against receipt", receipt.get("number").asText(), "999293").doesNotContain("CGST");

        // nobody else's
        Person stranger = bookings().newStudent("nosy");
        assertThat(api().get("/api/me/documents/" + invoice.get("documentId").asText(), stranger.token()).status())
                .isEqualTo(404);
        assertThat(api().get(path, stranger.token()).status()).isEqualTo(404);
        assertThat(api().get("/api/me/documents", stranger.token()).body().get("total").asLong()).isZero();
        assertThat(api().get("/api/finance/invoices", student.token()).status()).isEqualTo(403);
        assertThat(api().get("/api/finance/invoices/" + invoice.get("documentId").asText(), finance()).status())
                .isEqualTo(200);
    }

    @Test
    void taxedAtPurchaseAnIntraStateBuyerGetsCgstAndSgstAndTheRefundACreditNote() {
        assertThat(api().put("/api/finance/tax-settings", finance(), json("pointOfTaxation", "PURCHASE",
                "reason", "CA advice: single-purpose vouchers")).status()).isEqualTo(200);
        try {
            JsonNode setting = api().get("/api/finance/tax-settings", auditor()).body();
            assertThat(setting.get("pointOfTaxation").asText()).isEqualTo("PURCHASE");
            assertThat(setting.get("reason").asText()).isEqualTo("CA advice: single-purpose vouchers");

            IdentityApi.Tokens buyer = newBuyer("registered-buyer");
            Bought bought = payments().buy(buyer.accessToken(), "pack-1", "KA", "29AAACB5678K1Z6");

            JsonNode invoice = payments().awaitDocuments(buyer.accessToken(), "TAX_INVOICE", 1).get(0);
            assertThat(invoice.get("title").asText()).isEqualTo("Tax invoice");
            assertThat(invoice.get("buyerGstin").asText()).isEqualTo("29AAACB5678K1Z6");
            assertThat(invoice.get("placeOfSupply").asText()).isEqualTo("KA");
            assertThat(invoice.at("/amounts/taxableValue").asLong()).isEqualTo(30_000);
            assertThat(invoice.at("/amounts/cgst").asLong()).isEqualTo(2_700);
            assertThat(invoice.at("/amounts/sgst").asLong()).isEqualTo(2_700);
            assertThat(invoice.at("/amounts/igst").asLong()).isZero();
            assertThat(invoice.get("total").asLong()).isEqualTo(35_400);
            assertThat(payments().awaitDocuments(buyer.accessToken(), "RECEIPT", 0)).isEmpty();
            String html = api().get("/api/me/documents/" + invoice.get("documentId").asText() + "/html",
                    buyer.accessToken()).rawBody();
            assertThat(html).contains("CGST @ 9%", "SGST @ 9%", "GSTIN 29AAACB5678K1Z6", "354.00")
                    .doesNotContain("IGST");

            // the refund of the unspent token: a credit note against the invoice
            assertThat(payments().refund(finance(), bought.paymentId(), "bought by mistake").status())
                    .isEqualTo(202);
            JsonNode pending = payments().awaitOrder(buyer.accessToken(), bought.orderId().toString(),
                    o -> "PENDING".equals(o.path("refund").path("status").asText()));
            SimulatedWebhooks.SignedWebhook processed = payments().simulator()
                    .refundWebhook(pending.get("refund").get("providerRefundId").asText(), true, null);
            assertThat(payments().webhook(processed).status()).isEqualTo(200);
            JsonNode note = payments().awaitDocuments(buyer.accessToken(), "CREDIT_NOTE", 1).get(0);
            assertThat(note.get("number").asText()).matches("MC/\\d\\d-\\d\\d/\\d{6}");
            assertThat(note.get("referenceDocumentId").asText()).isEqualTo(invoice.get("documentId").asText());
            assertThat(note.get("referenceNumber").asText()).isEqualTo(invoice.get("number").asText());
            assertThat(note.get("reason").asText()).isEqualTo("bought by mistake");
            assertThat(note.get("total").asLong()).isEqualTo(35_400);
            assertThat(note.at("/amounts/cgst").asLong() + note.at("/amounts/sgst").asLong()).isEqualTo(5_400);
        } finally {
            assertThat(api().put("/api/finance/tax-settings", finance(), json("pointOfTaxation", "REDEMPTION",
                    "reason", "back to the default")).status()).isEqualTo(200);
        }
    }

    @Test
    void onlyFinanceSetsThePointOfTaxationAndOnlyToAChange() {
        assertThat(api().put("/api/finance/tax-settings", admin(), json("pointOfTaxation", "PURCHASE",
                "reason", "why not")).status()).isEqualTo(403);
        assertThat(api().put("/api/finance/tax-settings", auditor(), json("pointOfTaxation", "PURCHASE",
                "reason", "why not")).status()).isEqualTo(403);
        Response unchanged = api().put("/api/finance/tax-settings", finance(), json("pointOfTaxation",
                "REDEMPTION", "reason", "again"));
        assertThat(unchanged.status()).isEqualTo(409);
        assertThat(unchanged.problemType()).endsWith("/point-of-taxation-unchanged");
        assertThat(api().put("/api/finance/tax-settings", finance(), json("pointOfTaxation", "SOMETIMES",
                "reason", "x")).status()).isEqualTo(400);
        assertThat(api().put("/api/finance/tax-settings", finance(), json("pointOfTaxation", "PURCHASE"))
                .status()).isEqualTo(400);
        assertThat(api().get("/api/finance/tax-settings", admin()).body().get("pointOfTaxation").asText())
                .isEqualTo("REDEMPTION");
    }

    @Test
    void aHundredPurchasesCapturedAtOnceGetConsecutiveReceiptNumbers() throws Exception {
        List<IdentityApi.Tokens> buyers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            buyers.add(newBuyer("concurrent-buyer-" + i));
        }
        List<Callable<Response>> webhooks = new ArrayList<>();
        for (IdentityApi.Tokens buyer : buyers) {
            for (int i = 0; i < 10; i++) {
                JsonNode order = payments().order(buyer.accessToken(), "pack-1", "MH");
                SimulatedWebhooks.SignedWebhook captured = payments().simulator()
                        .capturedWebhook(payments().pay(order));
                webhooks.add(() -> payments().webhook(captured));
            }
        }

        List<Response> answers = Concurrently.run(webhooks);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(200));
        List<String> numbers = new ArrayList<>();
        for (IdentityApi.Tokens buyer : buyers) {
            payments().awaitDocuments(buyer.accessToken(), "RECEIPT", 10)
                    .forEach(receipt -> numbers.add(receipt.get("number").asText()));
        }
        assertThat(numbers).hasSize(100).doesNotHaveDuplicates().allMatch(n -> n.matches(RECEIPT_NUMBER));
        assertThat(numbers.stream().map(n -> n.substring(0, 9)).distinct()).hasSize(1); // one series and year
        List<Long> sequences = numbers.stream().map(n -> Long.parseLong(n.substring(10))).sorted().toList();
        assertThat(sequences.get(99) - sequences.get(0)).as("consecutive: %s", sequences).isEqualTo(99);
    }

    @Test
    void financeListsDocumentsByPeriodStateAndKindWithTotals() {
        IdentityApi.Tokens buyer = newBuyer("listed-buyer");
        payments().buy(buyer.accessToken(), "pack-10", "TN", null);
        JsonNode receipt = payments().awaitDocuments(buyer.accessToken(), "RECEIPT", 1).get(0);
        String today = receipt.get("documentDate").asText();

        JsonNode page = api().get("/api/finance/invoices?from=" + today + "&to=" + today + "&state=TN&kind=RECEIPT"
                + "&size=500", finance()).body();
        assertThat(StreamSupport.stream(page.get("items").spliterator(), false)
                .map(d -> d.get("documentId").asText())).contains(receipt.get("documentId").asText());
        assertThat(page.get("items")).allSatisfy(d -> {
            assertThat(d.get("placeOfSupply").asText()).isEqualTo("TN");
            assertThat(d.get("kind").asText()).isEqualTo("RECEIPT");
        });
        JsonNode totals = page.get("totals").get(0);
        assertThat(totals.get("kind").asText()).isEqualTo("RECEIPT");
        assertThat(totals.get("documents").asLong()).isEqualTo(page.get("total").asLong());
        assertThat(totals.get("total").asLong()).isGreaterThanOrEqualTo(318_600);

        assertThat(api().get("/api/finance/invoices?from=" + today + "&to=2000-01-01", finance()).status())
                .isEqualTo(400);
        assertThat(api().get("/api/finance/invoices?state=XX", finance()).status()).isEqualTo(400);
        assertThat(api().get("/api/finance/invoices?from=yesterday", finance()).status()).isEqualTo(400);
        assertThat(api().get("/api/finance/invoices/" + UUID.randomUUID(), finance()).status()).isEqualTo(404);
    }

    @Test
    void aSeededMonthReconcilesAndAHandAlteredDocumentRowIsReportedExactly() {
        Instant from = Instant.now().minus(Duration.ofDays(30));
        Person student = bookings().newStudent("reconciled-buyer");
        Bought kept = payments().buy(student.token(), "pack-5", "MH", null);
        Bought refunded = payments().buy(student.token(), "pack-1", "MH", null);
        UUID booking = completedSession(student);
        payments().awaitDocuments(student.token(), "TAX_INVOICE", 1);
        assertThat(payments().refund(finance(), refunded.paymentId(), "changed plans").status()).isEqualTo(202);
        JsonNode pending = payments().awaitOrder(student.token(), refunded.orderId().toString(),
                o -> "PENDING".equals(o.path("refund").path("status").asText()));
        assertThat(payments().webhook(payments().simulator().refundWebhook(
                pending.get("refund").get("providerRefundId").asText(), true, null)).status()).isEqualTo(200);
        JsonNode voucher = payments().awaitDocuments(student.token(), "REFUND_VOUCHER", 1).get(0);
        assertThat(voucher.get("total").asLong()).isEqualTo(refunded.amount());
        JsonNode receipt = payments().awaitDocuments(student.token(), "RECEIPT", 2).stream()
                .filter(r -> r.get("orderId").asText().equals(kept.orderId().toString())).findFirst().orElseThrow();
        Instant to = Instant.now().plus(Duration.ofMinutes(1));

        JsonNode report = api().get(path(from, to), finance()).body();
        List<String> ids = List.of(student.id().toString(), kept.orderId().toString(),
                refunded.orderId().toString(), booking.toString());
        assertThat(mismatchesNaming(report, ids)).as("this test's mismatches").isEmpty();
        assertThat(StreamSupport.stream(report.get("mismatches").spliterator(), false)
                .map(m -> m.get("kind").asText())).as("series checks").noneMatch(k -> k.startsWith("SERIES_"));
        assertThat(report.at("/payments/captured").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(report.at("/payments/tokensGranted").asLong())
                .isEqualTo(report.at("/payments/tokensBought").asLong());
        assertThat(report.at("/payments/refundsProcessed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.at("/documents/issued/RECEIPT/documents").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(report.at("/documents/issued/REFUND_VOUCHER/documents").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.at("/documents/redemptionsInvoiced").asLong())
                .isEqualTo(report.at("/documents/redemptionsToInvoice").asLong()).isPositive();
        assertThat(report.at("/documents/series")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.get("gaps").asLong()).isZero());

        // a read-model row altered by hand
        String documentId = receipt.get("documentId").asText();
        jdbc.update("UPDATE gst_document_view SET total = total + 100 WHERE document_id = ?",
                UUID.fromString(documentId));
        try {
            JsonNode drifted = api().get(path(from, to), auditor()).body();
            List<JsonNode> found = mismatchesNaming(drifted, List.of(documentId));
            assertThat(found).hasSize(1);
            assertThat(found.get(0).get("kind").asText()).isEqualTo("DOCUMENT_READ_MODEL_DRIFT");
            assertThat(found.get(0).get("reference").asText()).isEqualTo("document " + documentId);
            String number = receipt.get("number").asText();
            assertThat(found.get(0).get("expected").asText()).isEqualTo(number + " 168150 " + student.id());
            assertThat(found.get(0).get("actual").asText()).isEqualTo(number + " 168250 " + student.id());
            Response csv = api().get(path(from, to).replace("reconciliation?", "reconciliation.csv?"), finance());
            assertThat(csv.rawBody()).contains("mismatch,document " + documentId + ",DOCUMENT_READ_MODEL_DRIFT,")
                    .contains("documents,RECEIPT,issued,").contains("payments,all,captured,");
        } finally {
            jdbc.update("UPDATE gst_document_view SET total = total - 100 WHERE document_id = ?",
                    UUID.fromString(documentId));
        }
    }

    /** A 2-token session booked 13 hours ago for the slot running now, completed and settled. */
    private UUID completedSession(Person student) {
        Person mentor = bookings().newMentor("invoiced-mentor", admin(), "Asia/Kolkata", 0);
        Instant now = Instant.now();
        clock.travelTo(now.minus(Duration.ofHours(13)));
        UUID booking = bookings().book(student, mentor, BookingApi.slotRunningAt(now));
        assertThat(bookings().accept(mentor.token(), booking).status()).isEqualTo(200);
        clock.reset();
        assertThat(bookings().complete(mentor.token(), booking).status()).isEqualTo(204);
        bookings().awaitSettled(student.token(), booking);
        return booking;
    }

    private static String path(Instant from, Instant to) {
        return "/api/finance/reconciliation?from=" + from + "&to=" + to;
    }

    private static List<JsonNode> mismatchesNaming(JsonNode report, List<String> ids) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode mismatch : report.get("mismatches")) {
            String text = mismatch.toString();
            if (ids.stream().anyMatch(text::contains)) {
                found.add(mismatch);
            }
        }
        return found;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
