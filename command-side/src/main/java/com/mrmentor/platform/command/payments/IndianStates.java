package com.mrmentor.platform.command.payments;

import java.util.Map;
import java.util.Optional;

/**
 * India's 28 states and 8 union territories by their ISO 3166-2:IN code (as revised in 2023: CG, OD, TS, UK), with
 * the two-digit GST state code that opens every GSTIN registered there.
 */
public final class IndianStates {

    private static final Map<String, String> GST_CODES = Map.ofEntries(
            Map.entry("JK", "01"), Map.entry("HP", "02"), Map.entry("PB", "03"), Map.entry("CH", "04"),
            Map.entry("UK", "05"), Map.entry("HR", "06"), Map.entry("DL", "07"), Map.entry("RJ", "08"),
            Map.entry("UP", "09"), Map.entry("BR", "10"), Map.entry("SK", "11"), Map.entry("AR", "12"),
            Map.entry("NL", "13"), Map.entry("MN", "14"), Map.entry("MZ", "15"), Map.entry("TR", "16"),
            Map.entry("ML", "17"), Map.entry("AS", "18"), Map.entry("WB", "19"), Map.entry("JH", "20"),
            Map.entry("OD", "21"), Map.entry("CG", "22"), Map.entry("MP", "23"), Map.entry("GJ", "24"),
            Map.entry("DH", "26"), Map.entry("MH", "27"), Map.entry("KA", "29"), Map.entry("GA", "30"),
            Map.entry("LD", "31"), Map.entry("KL", "32"), Map.entry("TN", "33"), Map.entry("PY", "34"),
            Map.entry("AN", "35"), Map.entry("TS", "36"), Map.entry("AP", "37"), Map.entry("LA", "38"));

    private IndianStates() {
    }

    /** Whether {@code code} is a state or union territory (upper case, as sent). */
    public static boolean isValid(String code) {
        return code != null && GST_CODES.containsKey(code);
    }

    /** The GST state code of {@code code}. */
    public static Optional<String> gstCode(String code) {
        return Optional.ofNullable(code == null ? null : GST_CODES.get(code));
    }

    /** How many there are (28 states and 8 union territories). */
    static int count() {
        return GST_CODES.size();
    }
}
