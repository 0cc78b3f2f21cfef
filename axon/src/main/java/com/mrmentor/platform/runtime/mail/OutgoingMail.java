package com.mrmentor.platform.runtime.mail;

import java.util.Objects;

/**
 * One plain-text message, rendered and ready to send, with an optional calendar entry attached.
 *
 * @param calendar an iCalendar entry (RFC 5545) to attach, or null
 */
public record OutgoingMail(String to, String subject, String body, Calendar calendar) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    public OutgoingMail(String to, String subject, String body) {
        this(to, subject, body, null);
    }

    /**
     * An iCalendar text and its method ({@code REQUEST} for an invitation or its update, {@code CANCEL}), as the
     * {@code text/calendar} part's {@code method} parameter must repeat it (RFC 6047).
     */
    public record Calendar(String method, String content) {

        public Calendar {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(content, "content");
        }
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
        return "OutgoingMail[to=" + maskedTo() + ", subject=" + subject + (calendar == null ? "" : ", calendar="
                + calendar.method()) + "]";
    }
}
