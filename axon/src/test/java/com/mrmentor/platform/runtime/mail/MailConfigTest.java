package com.mrmentor.platform.runtime.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SMTP when a host is configured; otherwise the log, which keeps codes out of a deployment's log. */
@ExtendWith(OutputCaptureExtension.class)
class MailConfigTest {

    private static final MailProperties PROPERTIES = new MailProperties("no-reply@mentor.local", 3,
            Duration.ofSeconds(2));
    private static final OutgoingMail MAIL = new OutgoingMail("dev@example.com", "Your code", "Code: 271828");

    @Test
    void aConfiguredHostSendsOverSmtp() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", "smtp.example.com");

        MailTransport transport = MailConfig.chooseTransport(environment, JavaMailSenderImpl::new, PROPERTIES);

        assertThat(transport).isInstanceOf(SmtpMailTransport.class);
    }

    @Test
    void withoutAHostTheEmbeddedProfileLogsWholeMessagesSoThatADeveloperCanReadTheCode(CapturedOutput output) {
        MailTransport transport = MailConfig.chooseTransport(new MockEnvironment(), () -> null, PROPERTIES);

        transport.send(MAIL);

        assertThat(transport).isInstanceOf(LoggingMailTransport.class);
        assertThat(output.getOut()).contains("To: dev@example.com").contains("Subject: Your code")
                .contains("Code: 271828").doesNotContain("WARN");
    }

    @Test
    void aBlankHostCountsAsNoHost() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", " ");

        assertThat(MailConfig.chooseTransport(environment, () -> null, PROPERTIES))
                .isInstanceOf(LoggingMailTransport.class);
    }

    @Test
    void thePostgresProfileWithoutAHostWarnsAtStartUpAndKeepsBodiesOutOfTheLog(CapturedOutput output) {
        MockEnvironment postgres = new MockEnvironment();
        postgres.setActiveProfiles("postgres");

        MailTransport transport = MailConfig.chooseTransport(postgres, () -> null, PROPERTIES);
        transport.send(MAIL);

        assertThat(output.getOut()).contains("WARN").contains("No SMTP server is configured")
                .contains("'Your code' to d***@example.com; body withheld")
                .doesNotContain("271828");
    }

    @Test
    void smtpTimeoutsDefaultToEightSecondsWithoutOverridingTheOperatorsChoice() {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.timeout", "30000");

        SmtpMailTransport.applyTimeoutDefaults(properties);

        assertThat(properties).containsEntry("mail.smtp.connectiontimeout", "8000")
                .containsEntry("mail.smtp.writetimeout", "8000")
                .containsEntry("mail.smtp.timeout", "30000")
                .containsEntry("mail.smtps.connectiontimeout", "8000");
    }

    @Test
    void bootsMailSenderGetsTheTimeoutDefaults() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();

        MailConfig.smtpTimeoutDefaults().postProcessBeforeInitialization(sender, "mailSender");

        assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.connectiontimeout", "8000");
    }

    @Test
    void anInvalidSenderAddressStopsTheStartUp() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", "smtp.example.com");
        MailProperties bad = new MailProperties("not an address", 3, Duration.ofSeconds(2));

        assertThatThrownBy(() -> MailConfig.chooseTransport(environment, JavaMailSenderImpl::new, bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("platform.mail.from");
    }

    @Test
    void nonsenseRetrySettingsAreRefused() {
        assertThatThrownBy(() -> new MailProperties("a@b.c", 0, Duration.ofSeconds(1)))
                .hasMessageContaining("send-attempts");
        assertThatThrownBy(() -> new MailProperties("a@b.c", 3, Duration.ofSeconds(-1)))
                .hasMessageContaining("retry-backoff");
    }
}
