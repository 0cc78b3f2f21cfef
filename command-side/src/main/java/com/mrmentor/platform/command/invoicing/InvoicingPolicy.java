package com.mrmentor.platform.command.invoicing;

import com.mrmentor.platform.command.payments.Gstin;
import com.mrmentor.platform.shared.payments.IndianStates;
import com.mrmentor.platform.shared.invoicing.DocumentKind;
import com.mrmentor.platform.shared.invoicing.PointOfTaxation;
import com.mrmentor.platform.shared.invoicing.Supplier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code platform.invoicing.*}: who the supplier is on every document, the service's accounting code, the default
 * point of taxation (finance can change it at run time, see {@code TaxSettings}) and the prefix of each document
 * series. The supplier's state is the payments context's {@code platform.payments.supplier-state}, which decides
 * CGST + SGST versus IGST; {@link GstInvoicing} refuses to start unless the GSTIN is registered in it.
 *
 * @param supplierName     registered legal name printed on documents
 * @param supplierAddress  principal place of business
 * @param supplierGstin    the platform's GSTIN
 * @param sac              services accounting code of the sessions (999293: commercial training and coaching)
 * @param pointOfTaxation  default point of taxation until finance sets one
 * @param receiptPrefix    series of receipts
 * @param invoicePrefix    series of tax invoices
 * @param creditNotePrefix series of credit notes
 * @param refundVoucherPrefix series of refund vouchers
 */
@ConfigurationProperties("platform.invoicing")
public record InvoicingPolicy(@DefaultValue("Mr. Mentor Learning Private Limited") String supplierName,
                              @DefaultValue("No. 1, Residency Road, Bengaluru 560025, Karnataka") String supplierAddress,
                              @DefaultValue(DEVELOPMENT_GSTIN) String supplierGstin,
                              @DefaultValue("999293") String sac,
                              @DefaultValue("REDEMPTION") PointOfTaxation pointOfTaxation,
                              @DefaultValue("MR") String receiptPrefix,
                              @DefaultValue("MM") String invoicePrefix,
                              @DefaultValue("MC") String creditNotePrefix,
                              @DefaultValue("MV") String refundVoucherPrefix) {

    /** A made-up GSTIN with a correct check character, registered in Karnataka (29), for development and tests. */
    public static final String DEVELOPMENT_GSTIN = "29AAACM1234F1ZU";

    /** At most three characters, so that {@code XXX/26-27/000123} stays within GST's 16. */
    private static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,3}");

    public InvoicingPolicy {
        if (supplierName == null || supplierName.isBlank() || supplierAddress == null || supplierAddress.isBlank()) {
            throw new IllegalArgumentException("platform.invoicing.supplier-name and supplier-address are required");
        }
        if (!Gstin.isValid(supplierGstin)) {
            throw new IllegalArgumentException("platform.invoicing.supplier-gstin is not a valid GSTIN");
        }
        if (sac == null || !sac.matches("[0-9]{4,8}")) {
            throw new IllegalArgumentException("platform.invoicing.sac must be 4–8 digits");
        }
        HashSet<String> prefixes = new HashSet<>();
        for (String prefix : new String[]{receiptPrefix, invoicePrefix, creditNotePrefix, refundVoucherPrefix}) {
            if (prefix == null || !PREFIX.matcher(prefix).matches() || !prefixes.add(prefix)) {
                throw new IllegalArgumentException("platform.invoicing.*-prefix: 1–3 of A–Z, 0–9, all different");
            }
        }
    }

    /** The built-in defaults, for tests. */
    public static InvoicingPolicy defaults() {
        return new InvoicingPolicy("Mr. Mentor Learning Private Limited",
                "No. 1, Residency Road, Bengaluru 560025, Karnataka", DEVELOPMENT_GSTIN, "999293",
                PointOfTaxation.REDEMPTION, "MR", "MM", "MC", "MV");
    }

    /** The supplier as printed on documents issued now, registered in {@code state}. */
    public Supplier supplier(String state) {
        return new Supplier(supplierName, supplierAddress, supplierGstin, state);
    }

    /** Whether the GSTIN is registered in {@code state}. */
    public boolean registeredIn(String state) {
        return IndianStates.gstCode(state).map(code -> code.equals(Gstin.stateCode(supplierGstin))).orElse(false);
    }

    /** The prefix of each kind's series. */
    public Map<DocumentKind, String> prefixes() {
        Map<DocumentKind, String> prefixes = new EnumMap<>(DocumentKind.class);
        prefixes.put(DocumentKind.RECEIPT, receiptPrefix);
        prefixes.put(DocumentKind.TAX_INVOICE, invoicePrefix);
        prefixes.put(DocumentKind.CREDIT_NOTE, creditNotePrefix);
        prefixes.put(DocumentKind.REFUND_VOUCHER, refundVoucherPrefix);
        return prefixes;
    }

    public String prefix(DocumentKind kind) {
        return prefixes().get(kind);
    }
}
