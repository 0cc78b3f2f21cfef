package com.mrmentor.platform.shared.payments;

/**
 * The price of a token pack as the server computed it, in paise. The pack's price is the taxable value; GST is added
 * on top and split by place of supply: CGST + SGST when the buyer's billing state is the supplier's state, IGST
 * otherwise.
 *
 * @param pack            the pack's id
 * @param tokens          tokens the pack grants
 * @param unitPrice       list price of one token, excluding GST
 * @param discountPercent discount of the pack on the list price (0–90)
 * @param taxableValue    tokens × unit price less the discount
 * @param gstRatePercent  GST rate applied
 * @param cgst            central GST (intra-state), else 0
 * @param sgst            state GST (intra-state), else 0
 * @param igst            integrated GST (inter-state), else 0
 * @param amount          what the buyer pays: taxable value + cgst + sgst + igst
 * @param currency        ISO 4217 code, INR
 */
public record PaymentQuote(String pack, long tokens, long unitPrice, int discountPercent, long taxableValue,
                           int gstRatePercent, long cgst, long sgst, long igst, long amount, String currency) {

    /** The whole GST of the quote. */
    public long gst() {
        return cgst + sgst + igst;
    }
}
