package com.mrmentor.platform.command.crm;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises contact details for de-duplication: phone numbers to E.164 ({@code +<country><number>}, India by
 * default), e-mails trimmed and lower-cased. Not a full numbering plan: Indian numbers must be 10 digits starting 6–9
 * (mobiles); numbers given with another country code are kept when they have 8 to 15 digits in all.
 */
public final class Contacts {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Contacts() {
    }

    /** The E.164 form of {@code raw}, null for a blank one; refuses what cannot be a phone number. */
    public static String phone(String raw, String defaultCountryCode) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String trimmed = raw.trim();
        if (!trimmed.matches("[+0-9 ()./-]+")) {
            throw CrmRules.invalid("phone", "may hold only digits, spaces, + ( ) . / and -");
        }
        boolean international = trimmed.startsWith("+") || trimmed.startsWith("00");
        String digits = trimmed.replaceAll("[^0-9]", "");
        if (trimmed.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (!international) {
            digits = digits.replaceFirst("^0+", "");
            if (digits.length() == 12 && digits.startsWith(defaultCountryCode) && "91".equals(defaultCountryCode)) {
                digits = digits.substring(2); // 91XXXXXXXXXX written without the +
            }
            digits = defaultCountryCode + digits;
        }
        if (digits.startsWith("91")) {
            String national = digits.substring(2);
            if (!national.matches("[6-9][0-9]{9}")) {
                throw CrmRules.invalid("phone", "is not an Indian mobile number (10 digits starting 6–9)");
            }
        } else if (digits.length() < 8 || digits.length() > 15) {
            throw CrmRules.invalid("phone", "must have 8 to 15 digits with its country code");
        }
        return "+" + digits;
    }

    /** The lower-case form of {@code raw}, null for a blank one; refuses what is not an address. */
    public static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw CrmRules.invalid("email", "is not an e-mail address");
        }
        return email;
    }
}
