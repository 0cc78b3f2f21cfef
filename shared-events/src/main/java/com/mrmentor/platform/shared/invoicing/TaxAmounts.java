package com.mrmentor.platform.shared.invoicing;

/**
 * A taxable value and the GST on it, in paise: CGST and SGST within the supplier's state, IGST across states.
 */
public record TaxAmounts(long taxableValue, long cgst, long sgst, long igst) {

    public static final TaxAmounts ZERO = new TaxAmounts(0, 0, 0, 0);

    public TaxAmounts {
        if (taxableValue < 0 || cgst < 0 || sgst < 0 || igst < 0) {
            throw new IllegalArgumentException("tax amounts are never negative");
        }
    }

    /** The whole GST. */
    public long gst() {
        return cgst + sgst + igst;
    }

    /** Taxable value plus GST. */
    public long total() {
        return taxableValue + gst();
    }

    public TaxAmounts plus(TaxAmounts other) {
        return new TaxAmounts(taxableValue + other.taxableValue, cgst + other.cgst, sgst + other.sgst,
                igst + other.igst);
    }

    public TaxAmounts minus(TaxAmounts other) {
        return new TaxAmounts(taxableValue - other.taxableValue, cgst - other.cgst, sgst - other.sgst,
                igst - other.igst);
    }

    /**
     * The part of these amounts that {@code part} of {@code whole} units carry, component by component, such that
     * the parts of consecutive slices add up to the whole exactly: the value of units {@code (done, done + part]} is
     * {@code floor(x × (done + part) / whole) − floor(x × done / whole)}. The last slice takes what rounding left.
     */
    public TaxAmounts slice(long done, long part, long whole) {
        if (whole <= 0 || done < 0 || part < 0 || done + part > whole) {
            throw new IllegalArgumentException("slice " + done + "+" + part + " of " + whole);
        }
        return new TaxAmounts(slice(taxableValue, done, part, whole), slice(cgst, done, part, whole),
                slice(sgst, done, part, whole), slice(igst, done, part, whole));
    }

    private static long slice(long value, long done, long part, long whole) {
        return Math.multiplyExact(value, done + part) / whole - Math.multiplyExact(value, done) / whole;
    }
}
