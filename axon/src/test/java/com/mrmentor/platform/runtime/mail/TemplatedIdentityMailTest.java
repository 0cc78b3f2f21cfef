package com.mrmentor.platform.runtime.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.mrmentor.platform.shared.identity.Role;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Every identity e-mail, sent over real SMTP to GreenMail, arrives with its subject, recipient and values. */
class TemplatedIdentityMailTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private MailDispatcher dispatcher;
    private TemplatedIdentityMail mail;

    @BeforeEach
    void connect() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(SMTP.getSmtp().getPort());
        SmtpMailTransport.applyTimeoutDefaults(sender.getJavaMailProperties());
        dispatcher = new MailDispatcher(new SmtpMailTransport(sender, "Mentor Platform <no-reply@mentor.test>"),
                new MailProperties("unused", 3, Duration.ofMillis(50)));
        mail = new TemplatedIdentityMail(MailTemplates.load(TemplatedIdentityMail.TEMPLATES), dispatcher);
    }

    @AfterEach
    void close() {
        dispatcher.close();
    }

    @Test
    void theVerificationCodeArrivesWithTheNameCodeAndValidity() throws Exception {
        mail.sendVerificationCode("asha@example.com", "Trà Đá", "042137", Duration.ofMinutes(15));

        MimeMessage message = theOnlyMessage();
        assertThat(message.getSubject()).isEqualTo("Your Mentor Platform verification code");
        assertThat(recipient(message)).isEqualTo("asha@example.com");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("no-reply@mentor.test");
        assertThat(body(message))
                .startsWith("Hi Trà Đá,\n")
                .contains("\n    042137\n")
                .contains("It is valid for 15 minutes.")
                .doesNotContain("{{");
    }

    @Test
    void aVerificationCodeWithoutANameGreetsPolitely() throws Exception {
        mail.sendVerificationCode("nameless@example.com", null, "999000", Duration.ofHours(1));

        assertThat(body(theOnlyMessage())).startsWith("Hi there,\n").contains("valid for 1 hour.");
    }

    @Test
    void theSignUpAttemptNoticeTellsTheOwnerAndRevealsNothingElse() throws Exception {
        mail.sendSignUpAttemptNotice("owner@example.com");

        MimeMessage message = theOnlyMessage();
        assertThat(message.getSubject()).isEqualTo("Someone tried to sign up with your e-mail address");
        assertThat(recipient(message)).isEqualTo("owner@example.com");
        assertThat(body(message)).contains("account with owner@example.com.").doesNotContain("{{");
    }

    @Test
    void thePasswordResetCodeArrivesWithTheCodeAndValidity() throws Exception {
        mail.sendPasswordResetCode("forgetful@example.com", "314159", Duration.ofMinutes(30));

        MimeMessage message = theOnlyMessage();
        assertThat(message.getSubject()).isEqualTo("Reset your Mentor Platform password");
        assertThat(recipient(message)).isEqualTo("forgetful@example.com");
        assertThat(body(message)).contains("\n    314159\n").contains("valid for 30 minutes.");
    }

    @Test
    void thePasswordChangedNoticeNamesTheAccount() throws Exception {
        mail.sendPasswordChanged("changed@example.com");

        MimeMessage message = theOnlyMessage();
        assertThat(message.getSubject()).isEqualTo("Your Mentor Platform password was changed");
        assertThat(recipient(message)).isEqualTo("changed@example.com");
        assertThat(body(message)).contains("account (changed@example.com) was just changed");
    }

    @Test
    void theInvitationCarriesRoleTokenExpiryAndSaysItIsSingleUse() throws Exception {
        mail.sendInvitation("new.head@example.com", Role.SALES_HEAD, "inv_Zk3pQ9x",
                Instant.parse("2026-03-08T17:05:00Z"));

        MimeMessage message = theOnlyMessage();
        assertThat(message.getSubject()).isEqualTo("You are invited to Mentor Platform");
        assertThat(recipient(message)).isEqualTo("new.head@example.com");
        assertThat(body(message))
                .contains("with the role: Sales head.")
                .contains("\n    inv_Zk3pQ9x\n")
                .contains("works only once")
                .contains("expires on 8 March 2026, 17:05 UTC.");
    }

    @Test
    void aMalformedAddressIsLoggedNotThrown() throws Exception {
        mail.sendPasswordChanged("not an address");
        mail.sendPasswordChanged("fine@example.com");

        MimeMessage message = theOnlyMessage();
        assertThat(recipient(message)).isEqualTo("fine@example.com");
    }

    private MimeMessage theOnlyMessage() {
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).as("a message arrived").isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String recipient(MimeMessage message) throws Exception {
        return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
    }

    private static String body(MimeMessage message) throws Exception {
        assertThat(message.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        return ((String) message.getContent()).replace("\r\n", "\n");
    }
}
