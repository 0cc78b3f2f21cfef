package com.mrmentor.platform.query.invoicing;

import com.mrmentor.platform.shared.invoicing.DocumentKind;
import com.mrmentor.platform.shared.invoicing.GstDocumentView;
import com.mrmentor.platform.shared.invoicing.TaxAmounts;
import com.mrmentor.platform.shared.payments.IndianStates;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A GST document as a printable HTML page, made from the document's own fields and nothing else — no clock, no
 * locale, no configuration — so that rendering the same document gives the same bytes today and in eight years.
 * It prints the particulars of CGST rule 46 (supplier, number, date, recipient, SAC, taxable value, rate and
 * amount of each tax, place of supply with its state, reverse charge) or, for the other kinds, of rules 50, 51 and
 * 53 (the document answered). Amounts are rupees with Indian digit grouping.
 */
public final class GstDocumentHtml {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.ROOT);

    private GstDocumentHtml() {
    }

    public static String render(GstDocumentView d) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(e(d.title())).append(' ').append(e(d.number())).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;font-size:13px;margin:2em}table{border-collapse:collapse;")
                .append("width:100%}td,th{border:1px solid #999;padding:4px 6px;text-align:left}")
                .append(".n{text-align:right}.note{font-size:11px;color:#444}\n</style>\n</head>\n<body>\n");
        html.append("<h1>").append(e(d.title())).append("</h1>\n");
        if (d.kind() == DocumentKind.RECEIPT) {
            html.append("<p class=\"note\">Receipt of payment for vouchers (tokens). Not a tax invoice: GST on the ")
                    .append("sessions is charged on the tax invoice issued when the tokens are redeemed.</p>\n");
        }
        html.append("<table>\n");
        row(html, "Supplier", d.supplier().legalName());
        row(html, "Address", d.supplier().address());
        row(html, "GSTIN", d.supplier().gstin());
        row(html, "State", state(d.supplier().state()));
        row(html, "Number", d.number());
        row(html, "Date", DATE.format(d.documentDate()));
        row(html, "Recipient", d.buyerGstin() == null ? "Unregistered person, account " + d.buyerId()
                : "GSTIN " + d.buyerGstin() + ", account " + d.buyerId());
        row(html, "Place of supply", state(d.placeOfSupply()));
        row(html, "Reverse charge", "No");
        if (d.referenceNumber() != null) {
            row(html, d.kind() == DocumentKind.TAX_INVOICE ? "Against receipt" : "Against document",
                    d.referenceNumber() + " dated " + DATE.format(d.referenceDate()));
        }
        if (d.reason() != null) {
            row(html, "Reason", d.reason());
        }
        html.append("</table>\n<h2>Particulars</h2>\n<table>\n<tr><th>Description</th><th>SAC</th>")
                .append("<th class=\"n\">Tokens</th><th class=\"n\">Taxable value</th></tr>\n<tr><td>")
                .append(e(d.description())).append("</td><td>").append(e(d.sac())).append("</td><td class=\"n\">")
                .append(d.tokens()).append("</td><td class=\"n\">").append(money(d.amounts().taxableValue()))
                .append("</td></tr>\n</table>\n<table>\n");
        TaxAmounts a = d.amounts();
        amount(html, "Taxable value", a.taxableValue());
        if (!d.placeOfSupply().equals(d.supplier().state())) {
            amount(html, "IGST @ " + d.gstRatePercent() + "%", a.igst());
        } else {
            amount(html, "CGST @ " + half(d.gstRatePercent()) + "%", a.cgst());
            amount(html, "SGST @ " + half(d.gstRatePercent()) + "%", a.sgst());
        }
        amount(html, "Total (" + d.currency() + ")", d.total());
        html.append("</table>\n<p class=\"note\">")
                .append(e(d.kind().title())).append(' ').append(e(d.number()))
                .append(" is an electronic document issued by ").append(e(d.supplier().legalName()))
                .append("; authorised signatory: digitally issued.</p>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th>").append(e(label)).append("</th><td>").append(e(value)).append("</td></tr>\n");
    }

    private static void amount(StringBuilder html, String label, long paise) {
        html.append("<tr><th>").append(e(label)).append("</th><td class=\"n\">").append(money(paise))
                .append("</td></tr>\n");
    }

    private static String state(String code) {
        return IndianStates.name(code).map(name -> name + " (" + code + ", "
                + IndianStates.gstCode(code).orElseThrow() + ")").orElse(code);
    }

    /** Half a rate for CGST and SGST: 9 for 18, 2.5 for 5. */
    private static String half(int rate) {
        return rate % 2 == 0 ? Integer.toString(rate / 2) : (rate / 2) + ".5";
    }

    /** Paise as rupees with Indian grouping: 16815000 → 1,68,150.00. */
    static String money(long paise) {
        String sign = paise < 0 ? "-" : "";
        long abs = Math.abs(paise);
        String rupees = Long.toString(abs / 100);
        StringBuilder grouped = new StringBuilder();
        int length = rupees.length();
        if (length <= 3) {
            grouped.append(rupees);
        } else {
            String head = rupees.substring(0, length - 3);
            for (int i = 0; i < head.length(); i++) {
                if (i > 0 && (head.length() - i) % 2 == 0) {
                    grouped.append(',');
                }
                grouped.append(head.charAt(i));
            }
            grouped.append(',').append(rupees.substring(length - 3));
        }
        return sign + grouped + "." + String.format(Locale.ROOT, "%02d", abs % 100);
    }

    /** Escapes text for HTML. */
    private static String e(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
