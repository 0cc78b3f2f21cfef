package com.mrmentor.platform.runtime.mail;

import java.util.Objects;

/** One plain-text message, rendered and ready to send. */
public record OutgoingMail(String to, String subject, String body) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    /** The recipient as logs may show it: first character and domain ({@code a***@example.com}). */
    public String maskedTo() {
        return mask(to);
    }

    static String mask(String address) {
        if (address == null) {
            return "(none)";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    @Override
    public String toString() {
        // the body may hold a code or a token: never in a log line by accident
        return "OutgoingMail[to=" + maskedTo() + ", subject=" + subject + "]";
    }
}
