package com.mrmentor.platform.runtime.mail;

import com.mrmentor.platform.command.identity.IdentityMail;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail beans as the application assembles them, with Spring Boot's own mail auto-configuration. */
class MailWiringTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
            .withUserConfiguration(MailConfig.class, Properties.class);

    @Test
    void withoutSettingsMailGoesToTheLogWithTheDocumentedDefaults() {
        context.run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(app.getBean(MailTransport.class)).isInstanceOf(LoggingMailTransport.class);
            assertThat(app.getBean(IdentityMail.class)).isInstanceOf(TemplatedIdentityMail.class);
            assertThat(app.getBean(MailProperties.class))
                    .isEqualTo(new MailProperties("no-reply@mentor.local", 3, Duration.ofSeconds(2)));
        });
    }

    @Test
    void aHostSwitchesToSmtpWithEightSecondTimeoutsUnlessTheOperatorSetsOthers() {
        context.withPropertyValues("spring.mail.host=smtp.example.com", "spring.mail.port=2525",
                        "spring.mail.properties.mail.smtp.timeout=20000",
                        "platform.mail.from=Mentor Platform <no-reply@example.com>", "platform.mail.send-attempts=5")
                .run(app -> {
                    assertThat(app.getBean(MailTransport.class)).isInstanceOf(SmtpMailTransport.class);
                    JavaMailSenderImpl sender = app.getBean(JavaMailSenderImpl.class);
                    assertThat(sender.getJavaMailProperties())
                            .containsEntry("mail.smtp.connectiontimeout", "8000")
                            .containsEntry("mail.smtp.writetimeout", "8000")
                            .containsEntry("mail.smtp.timeout", "20000");
                    assertThat(app.getBean(MailProperties.class).sendAttempts()).isEqualTo(5);
                });
    }

    @Test
    void anEmptyHostAsWrittenByAnUnsetEnvironmentVariableMeansNoSmtp() {
        context.withPropertyValues("spring.mail.host=").run(app ->
                assertThat(app.getBean(MailTransport.class)).isInstanceOf(LoggingMailTransport.class));
    }

    @Test
    void aBrokenSettingStopsTheStartUp() {
        context.withPropertyValues("platform.mail.send-attempts=0").run(app ->
                assertThat(app).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MailProperties.class)
    static class Properties {
    }
}
