package com.mrmentor.platform.query.finance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the event log says happened in {@code [from, to)}, and every place where something else disagrees with it.
 *
 * @param tokens       token flows in the period per category (PAID, PROMOTIONAL), from the wallets' events
 * @param sessions     booking settlements in the period against the ledger's captures and releases
 * @param walletsChecked how many wallets were recomputed from all their events
 * @param payments     payments captured and refunds processed in the period, with the PAID tokens they granted
 * @param documents    GST documents issued in the period per kind, redemptions against their invoices, and each
 *                     number series checked for gaps and duplicates
 * @param mismatches   every disagreement found, with the ids involved; empty when all reconciles
 * @param earnings     earnings and payouts in the period ({@link EarningsReconciliation}); null until added
 */
public record ReconciliationReport(Instant from, Instant to, Instant generatedAt, Map<String, TokenFlows> tokens,
                                   SessionTotals sessions, long walletsChecked, PaymentTotals payments,
                                   DocumentTotals documents, List<Mismatch> mismatches, EarningsTotals earnings) {

    /** The ledger's report, before the earnings checks are added. */
    public ReconciliationReport(Instant from, Instant to, Instant generatedAt, Map<String, TokenFlows> tokens,
                                SessionTotals sessions, long walletsChecked, PaymentTotals payments,
                                DocumentTotals documents, List<Mismatch> mismatches) {
        this(from, to, generatedAt, tokens, sessions, walletsChecked, payments, documents, mismatches, null);
    }

    /** This report with the earnings totals, and their mismatches after its own. */
    public ReconciliationReport withEarnings(EarningsTotals totals, List<Mismatch> more) {
        List<Mismatch> all = new java.util.ArrayList<>(mismatches);
        all.addAll(more);
        return new ReconciliationReport(from, to, generatedAt, tokens, sessions, walletsChecked, payments, documents,
                List.copyOf(all), totals);
    }

    /**
     * Money in and out through the provider in the period.
     *
     * @param captured          payments captured
     * @param capturedAmount    their amount in paise (GST included)
     * @param tokensBought      PAID tokens those payments bought
     * @param tokensGranted     PAID tokens the wallets were credited for those payments
     * @param refundsProcessed  refunds the provider paid back
     * @param refundedAmount    their amount in paise
     * @param refundedTokens    tokens those refunds revoked
     */
    public record PaymentTotals(long captured, long capturedAmount, long tokensBought, long tokensGranted,
                                long refundsProcessed, long refundedAmount, long refundedTokens) {
    }

    /**
     * GST documents in the period.
     *
     * @param issued               per kind (RECEIPT, TAX_INVOICE, CREDIT_NOTE, REFUND_VOUCHER)
     * @param redemptionsToInvoice captured holds (per purchase they spent) that need a tax invoice
     * @param redemptionsInvoiced  of those, the ones with their invoice
     * @param series               each number series and financial year, checked whole
     */
    public record DocumentTotals(Map<String, KindTotals> issued, long redemptionsToInvoice,
                                 long redemptionsInvoiced, List<SeriesCheck> series) {
    }

    /** Documents of one kind and their amounts in paise. */
    public record KindTotals(long documents, long tokens, long taxableValue, long cgst, long sgst, long igst,
                             long total) {

        KindTotals plus(KindTotals o) {
            return new KindTotals(documents + o.documents, tokens + o.tokens, taxableValue + o.taxableValue,
                    cgst + o.cgst, sgst + o.sgst, igst + o.igst, total + o.total);
        }
    }

    /** One series in one financial year ({@code MM/26-27}): numbers given, the highest, and how many are missing. */
    public record SeriesCheck(String series, long numbersGiven, long lastNumber, long gaps) {
    }

    /** Tokens moved in the period, for one category. */
    public record TokenFlows(long granted, long held, long captured, long released, long holdsExpired,
                             long grantsExpired, long revoked) {
    }

    /** Bookings settled in the period and the tokens they moved. */
    public record SessionTotals(long settled, long settledWithCapture, long capturedTokens, long releasedTokens) {
    }

    /**
     * One disagreement.
     *
     * @param kind      what disagrees (stable name)
     * @param reference the ids involved (wallet owner, booking, hold)
     * @param expected  what the event log says
     * @param actual    what the other side says
     */
    public record Mismatch(String kind, String reference, String expected, String actual, String detail) {
    }
}
