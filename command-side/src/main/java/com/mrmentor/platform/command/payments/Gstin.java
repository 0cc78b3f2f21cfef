package com.mrmentor.platform.command.payments;

import java.util.regex.Pattern;

/**
 * A GST identification number: two digits of state code, the holder's PAN (five letters, four digits, a letter),
 * the entity number (1–9, A–Z), {@code Z}, and a check character computed over the first fourteen (base-36 digits
 * weighted 1, 2, 1, 2…, each product folded as quotient + remainder by 36; the check is what completes the sum to a
 * multiple of 36).
 */
public final class Gstin {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]");
    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Gstin() {
    }

    /** Whether {@code gstin} has the format and the right check character. */
    public static boolean isValid(String gstin) {
        return gstin != null && FORMAT.matcher(gstin).matches() && checkCharacter(gstin) == gstin.charAt(14);
    }

    /** The check character of the first fourteen characters of {@code gstin}. */
    static char checkCharacter(String gstin) {
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int product = DIGITS.indexOf(gstin.charAt(i)) * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return DIGITS.charAt((36 - sum % 36) % 36);
    }

    /** The GST state code a valid GSTIN was registered in. */
    public static String stateCode(String gstin) {
        return gstin.substring(0, 2);
    }
}
