package com.mrmentor.platform.shared.payments;

import java.util.Map;
import java.util.Optional;

/**
 * India's 28 states and 8 union territories by their ISO 3166-2:IN code (as revised in 2023: CG, OD, TS, UK), with
 * the two-digit GST state code that opens every GSTIN registered there and the name a tax invoice prints with the
 * place of supply.
 */
public final class IndianStates {

    private static final Map<String, State> STATES = Map.ofEntries(
            state("JK", "01", "Jammu and Kashmir"), state("HP", "02", "Himachal Pradesh"),
            state("PB", "03", "Punjab"), state("CH", "04", "Chandigarh"), state("UK", "05", "Uttarakhand"),
            state("HR", "06", "Haryana"), state("DL", "07", "Delhi"), state("RJ", "08", "Rajasthan"),
            state("UP", "09", "Uttar Pradesh"), state("BR", "10", "Bihar"), state("SK", "11", "Sikkim"),
            state("AR", "12", "Arunachal Pradesh"), state("NL", "13", "Nagaland"), state("MN", "14", "Manipur"),
            state("MZ", "15", "Mizoram"), state("TR", "16", "Tripura"), state("ML", "17", "Meghalaya"),
            state("AS", "18", "Assam"), state("WB", "19", "West Bengal"), state("JH", "20", "Jharkhand"),
            state("OD", "21", "Odisha"), state("CG", "22", "Chhattisgarh"), state("MP", "23", "Madhya Pradesh"),
            state("GJ", "24", "Gujarat"), state("DH", "26", "Dadra and Nagar Haveli and Daman and Diu"),
            state("MH", "27", "Maharashtra"), state("KA", "29", "Karnataka"), state("GA", "30", "Goa"),
            state("LD", "31", "Lakshadweep"), state("KL", "32", "Kerala"), state("TN", "33", "Tamil Nadu"),
            state("PY", "34", "Puducherry"), state("AN", "35", "Andaman and Nicobar Islands"),
            state("TS", "36", "Telangana"), state("AP", "37", "Andhra Pradesh"), state("LA", "38", "Ladakh"));

    private IndianStates() {
    }

    /** Whether {@code code} is a state or union territory (upper case, as sent). */
    public static boolean isValid(String code) {
        return code != null && STATES.containsKey(code);
    }

    /** The GST state code of {@code code}. */
    public static Optional<String> gstCode(String code) {
        return state(code).map(State::gstCode);
    }

    /** The name of {@code code}. */
    public static Optional<String> name(String code) {
        return state(code).map(State::name);
    }

    /** How many there are (28 states and 8 union territories). */
    public static int count() {
        return STATES.size();
    }

    private static Optional<State> state(String code) {
        return Optional.ofNullable(code == null ? null : STATES.get(code));
    }

    private static Map.Entry<String, State> state(String code, String gstCode, String name) {
        return Map.entry(code, new State(gstCode, name));
    }

    private record State(String gstCode, String name) {
    }
}
