package com.mrmentor.platform.runtime.security;

import com.mrmentor.platform.command.identity.GoogleIdTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Google sign-in settings as bound from configuration; off until a client id is given. */
class GooglePropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Beans.class, GoogleIdTokenVerifier.class);

    @Test
    void theDefaultsPointAtGoogleAndLeaveSignInOff() {
        context.run(app -> {
            GoogleProperties properties = app.getBean(GoogleProperties.class);
            assertThat(properties).isEqualTo(new GoogleProperties("", "https://www.googleapis.com/oauth2/v3/certs",
                    List.of("accounts.google.com", "https://accounts.google.com"), Duration.ofSeconds(60)));
            assertThat(properties.enabled()).isFalse();
            assertThatThrownBy(() -> app.getBean(GoogleIdTokens.class).verify("anything"))
                    .hasMessage("Google sign-in is not configured");
        });
    }

    @Test
    void settingsBind() {
        context.withPropertyValues("platform.security.google.client-id= 123.apps.googleusercontent.com ",
                        "platform.security.google.jwks-uri=http://127.0.0.1:1/certs",
                        "platform.security.google.issuers=https://accounts.google.com",
                        "platform.security.google.clock-skew=PT10S")
                .run(app -> {
                    GoogleProperties properties = app.getBean(GoogleProperties.class);
                    assertThat(properties.clientId()).isEqualTo("123.apps.googleusercontent.com");
                    assertThat(properties.enabled()).isTrue();
                    assertThat(properties.issuers()).containsExactly("https://accounts.google.com");
                    assertThat(properties.clockSkew()).isEqualTo(Duration.ofSeconds(10));
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GoogleProperties.class)
    static class Beans {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
