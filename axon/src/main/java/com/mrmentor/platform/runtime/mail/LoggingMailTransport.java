package com.mrmentor.platform.runtime.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for SMTP when no mail server is configured: writes each message to the log at INFO, so that on the
 * embedded default profile a developer reads the verification code there. Where real users may be involved (the
 * {@code postgres} profile) the body, which holds codes and invitation tokens, is withheld from the log.
 */
public class LoggingMailTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailTransport.class);

    private final String from;
    private final boolean showBody;

    /**
     * @param from     the configured sender, shown in the log
     * @param showBody whether the body goes into the log (never for a deployment with real users)
     */
    public LoggingMailTransport(String from, boolean showBody) {
        this.from = from;
        this.showBody = showBody;
    }

    @Override
    public void send(OutgoingMail mail) {
        if (showBody) {
            log.info("E-mail not sent (no SMTP server: set spring.mail.host); it reads:\nFrom: {}\nTo: {}\n"
                    + "Subject: {}\n\n{}{}", from, mail.to(), mail.subject(), mail.body(),
                    mail.calendar() == null ? "" : "\n[attached calendar entry, " + mail.calendar().method() + "]\n"
                            + mail.calendar().content());
        } else {
            log.info("E-mail not sent (no SMTP server: set spring.mail.host): '{}' to {}; body withheld",
                    mail.subject(), mail.maskedTo());
        }
    }
}
