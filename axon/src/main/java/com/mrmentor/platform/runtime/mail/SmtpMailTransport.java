package com.mrmentor.platform.runtime.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import jakarta.mail.util.ByteArrayDataSource;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

/** Sends through Spring's {@link JavaMailSender} (the SMTP server of {@code spring.mail.*}), as UTF-8 plain text. */
public class SmtpMailTransport implements MailTransport {

    /** Connect, read and write timeout unless {@code spring.mail.properties.*} says otherwise. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(8);
    private static final String[] TIMEOUT_KEYS = {"connectiontimeout", "timeout", "writetimeout"};

    private final JavaMailSender sender;
    private final InternetAddress from;

    public SmtpMailTransport(JavaMailSender sender, String from) {
        this.sender = sender;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("platform.mail.from is not a valid address: " + from, e);
        }
    }

    @Override
    public void send(OutgoingMail mail) {
        try {
            sender.send(message -> {
                boolean withCalendar = mail.calendar() != null;
                MimeMessageHelper helper = new MimeMessageHelper(message, withCalendar,
                        StandardCharsets.UTF_8.name());
                helper.setFrom(from);
                helper.setTo(new InternetAddress(mail.to(), true));
                helper.setSubject(mail.subject());
                helper.setText(mail.body(), false);
                if (withCalendar) {
                    // calendar clients act on a text/calendar part whose method matches the entry's METHOD
                    helper.addAttachment("invite.ics", new ByteArrayDataSource(
                            mail.calendar().content().getBytes(StandardCharsets.UTF_8),
                            "text/calendar; charset=UTF-8; method=" + mail.calendar().method()));
                }
            });
        } catch (MailParseException | MailPreparationException e) {
            throw new UndeliverableMail("The message to " + mail.maskedTo() + " could not be built", e);
        }
    }

    /**
     * Fills in the SMTP timeouts that the operator did not set: Jakarta Mail waits forever by default, which would
     * pin a sending thread on a server that accepts connections and then stalls.
     */
    static void applyTimeoutDefaults(Properties javaMailProperties) {
        for (String protocol : new String[]{"smtp", "smtps"}) {
            for (String key : TIMEOUT_KEYS) {
                javaMailProperties.putIfAbsent("mail." + protocol + "." + key,
                        String.valueOf(DEFAULT_TIMEOUT.toMillis()));
            }
        }
    }
}
