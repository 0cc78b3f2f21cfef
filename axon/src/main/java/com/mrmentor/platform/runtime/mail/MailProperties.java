package com.mrmentor.platform.runtime.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Outgoing e-mail. The SMTP server itself is Spring Boot's {@code spring.mail.*} (host, port, username, password,
 * {@code properties.mail.smtp.starttls.enable}); without {@code spring.mail.host} the messages go to the log.
 *
 * @param from         the sender, e.g. {@code no-reply@example.com} or {@code Mentor Platform <no-reply@example.com>}
 * @param sendAttempts how many times one message is tried before it is given up (and logged)
 * @param retryBackoff the wait before the second attempt; it doubles for each further one
 */
@ConfigurationProperties("platform.mail")
public record MailProperties(@DefaultValue("no-reply@mentor.local") String from,
                             @DefaultValue("3") int sendAttempts,
                             @DefaultValue("PT2S") Duration retryBackoff) {

    public MailProperties {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("platform.mail.from must be an e-mail address");
        }
        if (sendAttempts < 1) {
            throw new IllegalArgumentException("platform.mail.send-attempts must be at least 1");
        }
        if (retryBackoff == null || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("platform.mail.retry-backoff must not be negative");
        }
    }
}
