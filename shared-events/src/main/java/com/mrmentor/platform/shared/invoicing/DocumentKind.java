package com.mrmentor.platform.shared.invoicing;

/** The kinds of GST document the platform issues; each has its own number series. */
public enum DocumentKind {
    /** Receipt of payment for tokens (vouchers), not a supply: CGST Rules, rule 50; Circular 243/37/2024. */
    RECEIPT("Receipt voucher"),
    /** Tax invoice of the supply: at redemption of the tokens, or at purchase (rule 46). */
    TAX_INVOICE("Tax invoice"),
    /** Reduces a tax invoice: a refund of tokens that were invoiced at purchase (CGST Act s.34, rule 53). */
    CREDIT_NOTE("Credit note"),
    /** Returns an advance no supply was made against: a refund of tokens only receipted (rule 51). */
    REFUND_VOUCHER("Refund voucher");

    private final String title;

    DocumentKind(String title) {
        this.title = title;
    }

    /** The document's printed title. */
    public String title() {
        return title;
    }
}
