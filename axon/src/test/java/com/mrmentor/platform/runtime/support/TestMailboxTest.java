package com.mrmentor.platform.runtime.support;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The integration tests' mailbox finds the right message and code for an address, and nothing older. */
class TestMailboxTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final TestMailbox mailbox = TestMailbox.shared();
    private final JavaMailSenderImpl sender = sender();

    @Test
    void theCodeComesFromTheNewestMessageToTheAddress() {
        String email = fresh();
        send(email, "First", "Your code is\n\n    111111\n");
        mailbox.awaitMessageTo(email, WAIT);
        send(email, "Second", "Reference 2026-03-01. Your code is\n\n    222222\n\nValid for 15 minutes.");

        assertThat(mailbox.awaitCode(email, 1, WAIT)).isEqualTo("222222");
        assertThat(mailbox.messagesTo(email)).extracting(TestMailbox.Mail::subject).containsExactly("First", "Second");
    }

    @Test
    void messagesToOtherAddressesAreNotSeen() {
        String mine = fresh();
        String theirs = fresh();
        send(theirs, "Theirs", "code 333333");
        send(mine, "Mine", "code 444444");

        assertThat(mailbox.awaitCode(mine, WAIT)).isEqualTo("444444");
        assertThat(mailbox.awaitMessageTo(theirs, WAIT).subject()).isEqualTo("Theirs");
    }

    @Test
    void aWaitAfterACountReturnsOnlyTheNewMessage() {
        String email = fresh();
        send(email, "Old", "code 555555");
        mailbox.awaitMessageTo(email, WAIT);
        int seen = mailbox.count(email);

        send(email, "New", "code 666666");

        TestMailbox.Mail mail = mailbox.awaitMessageTo(email, seen, WAIT);
        assertThat(mail.subject()).isEqualTo("New");
        assertThat(mail.to()).isEqualTo(email);
    }

    @Test
    void aMultipartMessageIsReadAsItsPlainText() throws Exception {
        String email = fresh();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("no-reply@mentor.test");
        helper.setTo(email);
        helper.setSubject("Both kinds");
        helper.setText("Plain: 777777\r\nsecond line", "<p>Html: 888888</p>");
        sender.send(message);

        TestMailbox.Mail mail = mailbox.awaitMessageTo(email, WAIT);
        assertThat(mail.body()).isEqualTo("Plain: 777777\nsecond line");
        assertThat(mail.code()).isEqualTo("777777");
    }

    @Test
    void digitsInsideWordsAreNotACode() {
        TestMailbox.Mail mail = new TestMailbox.Mail("a@b.c", "s", "Hi user123456, no code here: 1234567", null, null);

        assertThatThrownBy(mail::code).isInstanceOf(AssertionError.class).hasMessageContaining("No 6-digit code");
    }

    @Test
    void aPurgedAddressStartsEmpty() {
        String email = fresh();
        send(email, "Gone", "code 999999");
        mailbox.awaitMessageTo(email, WAIT);

        mailbox.purge(email);

        assertThat(mailbox.count(email)).isZero();
        assertThat(mailbox.messagesTo(email)).isEmpty();
    }

    @Test
    void waitingInVainFailsNamingTheAddress() {
        String email = fresh();

        assertThatThrownBy(() -> mailbox.awaitMessageTo(email, Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("No mail to " + email);
    }

    private void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("no-reply@mentor.test");
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
    }

    private JavaMailSenderImpl sender() {
        JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(mailbox.port());
        mailSender.setDefaultEncoding("UTF-8");
        return mailSender;
    }

    private static String fresh() {
        return "mailbox-" + UUID.randomUUID() + "@example.com";
    }
}
