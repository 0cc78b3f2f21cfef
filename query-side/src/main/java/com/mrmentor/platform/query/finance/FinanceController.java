package com.mrmentor.platform.query.finance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/** Reconciliation for FINANCE and AUDITOR, computed from the event store on every request. */
@RestController
@Tag(name = "Finance")
public class FinanceController {

    private final LedgerReconciliation reconciliation;
    private final EarningsReconciliation earnings;

    public FinanceController(LedgerReconciliation reconciliation, EarningsReconciliation earnings) {
        this.reconciliation = reconciliation;
        this.earnings = earnings;
    }

    @GetMapping("/api/finance/reconciliation")
    @Operation(summary = "Token flows per category, booking settlements against the ledger, payments against "
            + "their grants and GST documents, sessions against tax invoices, refunds against credit notes, document "
            + "series checked for gaps and duplicates, and every wallet and document recomputed from its events "
            + "against the read models, for [from, to) (FINANCE, AUDITOR). Computed from the event store; each "
            + "mismatch names the ids involved")
    public ReconciliationReport report(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        requirePeriod(from, to);
        return earnings.addTo(reconciliation.reconcile(from, to));
    }

    @GetMapping(value = "/api/finance/reconciliation.csv", produces = "text/csv")
    @Operation(summary = "The same report as CSV: one row per flow, total and mismatch (FINANCE, AUDITOR)")
    public ResponseEntity<String> csv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        requirePeriod(from, to);
        ReconciliationReport report = earnings.addTo(reconciliation.reconcile(from, to));
        StringBuilder csv = new StringBuilder("section,key,measure,expected,actual,detail\r\n");
        report.tokens().forEach((category, f) -> {
            row(csv, "tokens", category, "granted", f.granted(), null, null);
            row(csv, "tokens", category, "held", f.held(), null, null);
            row(csv, "tokens", category, "captured", f.captured(), null, null);
            row(csv, "tokens", category, "released", f.released(), null, null);
            row(csv, "tokens", category, "holds_expired", f.holdsExpired(), null, null);
            row(csv, "tokens", category, "grants_expired", f.grantsExpired(), null, null);
            row(csv, "tokens", category, "revoked", f.revoked(), null, null);
        });
        row(csv, "sessions", "all", "settled", report.sessions().settled(), null, null);
        row(csv, "sessions", "all", "settled_with_capture", report.sessions().settledWithCapture(), null, null);
        row(csv, "sessions", "all", "captured_tokens", report.sessions().capturedTokens(), null, null);
        row(csv, "sessions", "all", "released_tokens", report.sessions().releasedTokens(), null, null);
        row(csv, "wallets", "all", "checked", report.walletsChecked(), null, null);
        ReconciliationReport.PaymentTotals p = report.payments();
        row(csv, "payments", "all", "captured", p.captured(), null, null);
        row(csv, "payments", "all", "captured_amount", p.capturedAmount(), null, null);
        row(csv, "payments", "all", "tokens_bought", p.tokensBought(), p.tokensGranted(), "PAID tokens granted");
        row(csv, "payments", "all", "refunds_processed", p.refundsProcessed(), null, null);
        row(csv, "payments", "all", "refunded_amount", p.refundedAmount(), null, null);
        row(csv, "payments", "all", "refunded_tokens", p.refundedTokens(), null, null);
        report.documents().issued().forEach((kind, k) -> {
            row(csv, "documents", kind, "issued", k.documents(), null, null);
            row(csv, "documents", kind, "tokens", k.tokens(), null, null);
            row(csv, "documents", kind, "taxable_value", k.taxableValue(), null, null);
            row(csv, "documents", kind, "cgst", k.cgst(), null, null);
            row(csv, "documents", kind, "sgst", k.sgst(), null, null);
            row(csv, "documents", kind, "igst", k.igst(), null, null);
            row(csv, "documents", kind, "total", k.total(), null, null);
        });
        row(csv, "documents", "redemptions", "invoiced", report.documents().redemptionsToInvoice(),
                report.documents().redemptionsInvoiced(), "captured holds needing a tax invoice / with one");
        for (ReconciliationReport.SeriesCheck series : report.documents().series()) {
            row(csv, "series", series.series(), "numbers_given", series.lastNumber(), series.numbersGiven(),
                    series.gaps() + " missing");
        }
        earningsRows(csv, report.earnings());
        for (ReconciliationReport.Mismatch m : report.mismatches()) {
            row(csv, "mismatch", m.reference(), m.kind(), m.expected(), m.actual(), m.detail());
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"reconciliation.csv\"")
                .body(csv.toString());
    }

    private static void earningsRows(StringBuilder csv, EarningsTotals e) {
        if (e == null) {
            return;
        }
        row(csv, "earnings", "all", "sessions_accrued", e.sessionsAccrued(), null, null);
        row(csv, "earnings", "all", "gross", e.gross(), null, null);
        row(csv, "earnings", "all", "commission", e.commission(), null, null);
        row(csv, "earnings", "all", "tds", e.tds(), null, null);
        row(csv, "earnings", "all", "net", e.net(), null, null);
        row(csv, "earnings", "all", "reversed", e.reversed(), null, null);
        row(csv, "payouts", "all", "requested", e.payoutsRequested(), null, null);
        row(csv, "payouts", "all", "requested_amount", e.requestedAmount(), null, null);
        row(csv, "payouts", "all", "processed", e.payoutsProcessed(), null, null);
        row(csv, "payouts", "all", "processed_amount", e.processedAmount(), null, null);
        row(csv, "payouts", "all", "returned_amount", e.returnedAmount(), null, null);
        row(csv, "earnings", "all", "mentors_checked", e.mentorsChecked(), null, null);
    }

    private static void row(StringBuilder csv, String section, String key, String measure, Object expected,
                            Object actual, String detail) {
        List<Object> cells = java.util.Arrays.asList(section, key, measure, expected, actual, detail);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** RFC 4180 quoting; a leading formula character is neutralised for spreadsheets. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static void requirePeriod(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new ResponseStatusException(BAD_REQUEST, "from must be before to");
        }
    }
}
