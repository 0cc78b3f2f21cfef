package com.mrmentor.platform.command.earnings;

import com.mrmentor.platform.shared.earnings.PayoutMethod;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Payout destinations: a UPI id ({@code name@handle}) or a bank account written {@code IFSC:ACCOUNT}
 * ({@code HDFC0001234:123456789012}). Checked and normalised before anything is stored; shown only masked.
 */
public final class PayoutDestinations {

    private static final Pattern VPA = Pattern.compile("[a-z0-9][a-z0-9._-]{1,255}@[a-z][a-z0-9]{1,63}");
    private static final Pattern IFSC = Pattern.compile("[A-Z]{4}0[A-Z0-9]{6}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{9,18}");

    private PayoutDestinations() {
    }

    /** The destination in its one stored form, or {@code invalid-destination}. */
    public static String normalise(PayoutMethod method, String destination) {
        if (method == null) {
            throw EarningsRules.missing("method");
        }
        if (destination == null || destination.isBlank()) {
            throw EarningsRules.missing("destination");
        }
        String value = destination.strip();
        if (method == PayoutMethod.UPI) {
            value = value.toLowerCase(Locale.ROOT);
            if (!VPA.matcher(value).matches()) {
                throw EarningsRules.invalidDestination("a UPI id looks like name@bank");
            }
            return value;
        }
        String[] parts = value.toUpperCase(Locale.ROOT).split(":", -1);
        if (parts.length != 2 || !IFSC.matcher(parts[0]).matches() || !ACCOUNT.matcher(parts[1]).matches()) {
            throw EarningsRules.invalidDestination("a bank account is IFSC:ACCOUNT, e.g. HDFC0001234:123456789012");
        }
        return parts[0] + ":" + parts[1];
    }

    /** What screens show: {@code ra****@okhdfc}, {@code HDFC0001234:XXXXXXXX9012}. */
    public static String mask(PayoutMethod method, String normalised) {
        if (method == PayoutMethod.UPI) {
            int at = normalised.indexOf('@');
            String name = normalised.substring(0, at);
            return name.substring(0, Math.min(2, name.length())) + "****" + normalised.substring(at);
        }
        String[] parts = normalised.split(":");
        String account = parts[1];
        return parts[0] + ":" + "X".repeat(account.length() - 4) + account.substring(account.length() - 4);
    }
}
