package com.mrmentor.platform.runtime.mail;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.function.Supplier;

/**
 * Chooses how e-mail leaves the server: over SMTP when {@code spring.mail.host} is set (Spring Boot then builds the
 * {@link JavaMailSender}), to the log otherwise. Templates are loaded and checked here, so a broken one stops the
 * start-up.
 */
@Configuration(proxyBeanMethods = false)
public class MailConfig {

    static final String HOST_PROPERTY = "spring.mail.host";
    private static final Logger log = LoggerFactory.getLogger(MailConfig.class);

    @Bean
    MailTemplates mailTemplates() {
        List<MailTemplates.Spec> specs = new ArrayList<>(TemplatedIdentityMail.TEMPLATES);
        specs.addAll(BookingMailOutbox.TEMPLATES);
        return MailTemplates.load(specs);
    }


    @Bean
    MailTransport mailTransport(Environment environment, ObjectProvider<JavaMailSender> sender,
                                MailProperties properties) {
        return chooseTransport(environment, sender::getIfAvailable, properties);
    }

    @Bean
    MailDispatcher mailDispatcher(MailTransport mailTransport, MailProperties properties) {
        return new MailDispatcher(mailTransport, properties);
    }

    @Bean
    TemplatedIdentityMail identityMail(MailTemplates mailTemplates, MailDispatcher mailDispatcher) {
        return new TemplatedIdentityMail(mailTemplates, mailDispatcher);
    }

    /** Gives Boot's mail sender finite SMTP timeouts where {@code spring.mail.properties.*} sets none. */
    @Bean
    static BeanPostProcessor smtpTimeoutDefaults() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JavaMailSenderImpl sender) {
                    SmtpMailTransport.applyTimeoutDefaults(sender.getJavaMailProperties());
                }
                return bean;
            }
        };
    }

    static MailTransport chooseTransport(Environment environment,
                                         Supplier<JavaMailSender> sender,
                                         MailProperties properties) {
        String host = environment.getProperty(HOST_PROPERTY);
        if (host != null && !host.isBlank()) {
            JavaMailSender javaMailSender = sender.get();
            if (javaMailSender == null) {
                throw new IllegalStateException(HOST_PROPERTY + " is set but no JavaMailSender was configured");
            }
            SmtpMailTransport smtp = new SmtpMailTransport(javaMailSender, properties.from());
            log.info("E-mail goes out through SMTP at {} from {}", host, properties.from());
            return smtp;
        }
        boolean realUsers = environment.acceptsProfiles(Profiles.of("postgres"));
        if (realUsers) {
            log.warn("No SMTP server is configured (spring.mail.host, MAIL_HOST): e-mails are NOT sent, only noted "
                    + "in the log without their bodies, so nobody can verify an address or reset a password");
        } else {
            log.info("No SMTP server is configured (spring.mail.host): e-mails, codes included, are written to "
                    + "this log");
        }
        return new LoggingMailTransport(properties.from(), !realUsers);
    }
}
