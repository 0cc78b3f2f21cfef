package com.mrmentor.platform.runtime.support;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inbox of every e-mail the server sends during the integration tests: one GreenMail SMTP server for the whole
 * JVM, on a free port of 127.0.0.1, started on first use. Messages are kept per recipient. Tests use fresh
 * addresses; a test that sends to the same address twice counts first ({@link #count}) and then waits for the
 * messages after that count, or {@link #purge}s the address.
 */
public final class TestMailbox {

    /**
     * One message as the reader sees it: plain text, line breaks as {@code \n}; {@code calendar} is the attached
     * {@code text/calendar} entry (its lines unfolded) or null, {@code calendarContentType} that part's content type.
     */
    public record Mail(String to, String subject, String body, String calendar, String calendarContentType) {

        private static final Pattern CODE = Pattern.compile("\\b\\d{6}\\b");

        /** The last 6-digit number in the body (the verification or reset code). */
        public String code() {
            Matcher matcher = CODE.matcher(body);
            String last = null;
            while (matcher.find()) {
                last = matcher.group();
            }
            if (last == null) {
                throw new AssertionError("No 6-digit code in the mail '" + subject + "' to " + to + ":\n" + body);
            }
            return last;
        }
    }

    private static final Duration POLL = Duration.ofMillis(50);
    private static volatile TestMailbox shared;

    private final GreenMail server;

    private TestMailbox() {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
    }

    /** The JVM's mailbox, started on first call and stopped when the JVM exits. */
    public static TestMailbox shared() {
        TestMailbox mailbox = shared;
        if (mailbox == null) {
            synchronized (TestMailbox.class) {
                mailbox = shared;
                if (mailbox == null) {
                    mailbox = new TestMailbox();
                    Runtime.getRuntime().addShutdownHook(new Thread(mailbox.server::stop, "test-mailbox-stop"));
                    shared = mailbox;
                }
            }
        }
        return mailbox;
    }

    /** The SMTP port on 127.0.0.1 (no authentication, no TLS). */
    public int port() {
        return server.getSmtp().getPort();
    }

    /** Every message to {@code email} so far, oldest first. */
    public List<Mail> messagesTo(String email) {
        // GreenMail hands out its live list: a message arriving while it is read makes the read start over
        while (true) {
            try {
                List<Mail> mails = new ArrayList<>();
                inbox(email).ifPresent(inbox -> {
                    for (StoredMessage stored : List.copyOf(inbox.getMessages())) {
                        mails.add(read(email, stored.getMimeMessage()));
                    }
                });
                return mails;
            } catch (ConcurrentModificationException arrivedMeanwhile) {
                Thread.onSpinWait();
            }
        }
    }

    /** How many messages the server has sent so far, to anyone. */
    public int totalCount() {
        return server.getReceivedMessages().length;
    }

    /** How many messages {@code email} has received so far. */
    public int count(String email) {
        return inbox(email).map(MailFolder::getMessageCount).orElse(0);
    }

    /** The newest message to {@code email}, waiting up to {@code timeout} for a first one. */
    public Mail awaitMessageTo(String email, Duration timeout) {
        List<Mail> mails = awaitMoreThan(email, 0, timeout);
        return mails.get(mails.size() - 1);
    }

    /**
     * The first message to {@code email} after the first {@code seen} ones, waiting up to {@code timeout}: with
     * {@code int seen = mailbox.count(email)} taken before the action, this is the message the action caused.
     */
    public Mail awaitMessageTo(String email, int seen, Duration timeout) {
        return awaitMoreThan(email, seen, timeout).get(seen);
    }

    /** The last 6-digit code in the newest message to {@code email}, waiting up to {@code timeout} for one. */
    public String awaitCode(String email, Duration timeout) {
        return awaitMessageTo(email, timeout).code();
    }

    /** The last 6-digit code in the first message to {@code email} after the first {@code seen} ones. */
    public String awaitCode(String email, int seen, Duration timeout) {
        return awaitMessageTo(email, seen, timeout).code();
    }

    /**
     * Asserts that no message to {@code email} beyond the first {@code seen} arrives within {@code quietFor} (for
     * "nothing is sent" rules; the wait is the price of proving an absence).
     */
    public void assertNothingNewTo(String email, int seen, Duration quietFor) {
        sleep(quietFor);
        List<Mail> mails = messagesTo(email);
        if (mails.size() > seen) {
            throw new AssertionError("Expected no new mail to " + email + " but got: " + mails.subList(seen,
                    mails.size()));
        }
    }

    /** Forgets every message to {@code email}. */
    public void purge(String email) {
        inbox(email).ifPresent(MailFolder::deleteAllMessages);
    }

    private List<Mail> awaitMoreThan(String email, int seen, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Mail> mails = messagesTo(email);
            if (mails.size() > seen) {
                return mails;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("No " + (seen == 0 ? "" : "new ") + "mail to " + email + " within "
                        + timeout + " (" + mails.size() + " received before)");
            }
            sleep(POLL);
        }
    }

    private Optional<MailFolder> inbox(String email) {
        GreenMailUser user = server.getUserManager().getUserByEmail(email);
        if (user == null) {
            user = server.getUserManager().getUserByEmail(email.toLowerCase(Locale.ROOT));
        }
        if (user == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(server.getManagers().getImapHostManager().getInbox(user));
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail read(String email, MimeMessage message) {
        try {
            Part calendarPart = calendarPart(message);
            String calendar = calendarPart == null ? null : new String(calendarPart.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8).replace("\r\n ", "").replace("\r\n", "\n");
            return new Mail(email, message.getSubject(), text(message).replace("\r\n", "\n"), calendar,
                    calendarPart == null ? null : calendarPart.getContentType());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail to " + email, e);
        }
    }

    /** The first text/calendar part, or null. */
    private static Part calendarPart(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/calendar")) {
            return part;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                Part found = calendarPart(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The plain-text body; in a multipart message the first text/plain part (or any text part). */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String fallback = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                Part child = multipart.getBodyPart(i);
                if (child.isMimeType("text/plain") || child.isMimeType("multipart/*")) {
                    String text = text(child);
                    if (!text.isEmpty()) {
                        return text;
                    }
                } else if (fallback == null && child.isMimeType("text/*")) {
                    fallback = String.valueOf(child.getContent());
                }
            }
            return fallback == null ? "" : fallback;
        }
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        return "";
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
