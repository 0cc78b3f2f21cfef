package com.mrmentor.platform.runtime.mail;

import com.mrmentor.platform.projections.identity.AccountReads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.Duration;

/**
 * The mail outbox: sagas' e-mails are stored in their transaction ({@link BookingMailOutbox}) and sent by the
 * {@link MailOutboxRelay} on a schedule, through the transport {@link MailConfig} chose.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class OutboxConfig {

    @Bean
    BookingMailOutbox bookingMailOutbox(MailTemplates mailTemplates, JdbcTemplate jdbc, Clock clock,
                                        MailProperties properties) {
        return new BookingMailOutbox(mailTemplates, jdbc, clock, properties.from());
    }

    @Bean
    MailOutboxRelay mailOutboxRelay(JdbcTemplate jdbc, MailTransport mailTransport, AccountReads accounts,
                                    @Value("${platform.mail.outbox-retention:P30D}") Duration retention,
                                    MailProperties properties) {
        return new MailOutboxRelay(jdbc, mailTransport, accounts, retention, properties);
    }
}
