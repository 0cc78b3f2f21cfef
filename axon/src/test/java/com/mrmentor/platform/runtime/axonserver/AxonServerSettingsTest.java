package com.mrmentor.platform.runtime.axonserver;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment variables the operations guide names reach the connector's settings through the {@code axonserver}
 * profile of {@code application.yml}: servers, context, TLS, certificate and access token (bound the way Axon's
 * auto-configuration binds them, under {@code axon.axonserver}).
 */
class AxonServerSettingsTest {

    @Test
    void theProfileTakesServersContextTlsAndTokenFromTheEnvironment() {
        try (ConfigurableApplicationContext context = start("--AXON_SERVERS=as-1:8124,as-2:8124",
                "--AXON_CONTEXT=mentor", "--AXON_SSL_ENABLED=true", "--AXON_CERT_FILE=/etc/axonserver/ca.pem",
                "--AXON_TOKEN=s3cret-token")) {
            AxonServerConfiguration settings = context.getBean(AxonServerConfiguration.class);

            assertThat(settings.isEnabled()).isTrue();
            assertThat(settings.getServers()).isEqualTo("as-1:8124,as-2:8124");
            assertThat(settings.getContext()).isEqualTo("mentor");
            assertThat(settings.isSslEnabled()).isTrue();
            assertThat(settings.getCertFile()).isEqualTo("/etc/axonserver/ca.pem");
            assertThat(settings.getToken()).isEqualTo("s3cret-token");
            assertThat(settings.getEventStoreConfiguration().isEnabled()).isTrue();
            assertThat(context.getEnvironment().getProperty("platform.axonserver.startup-timeout")).isEqualTo("PT15S");
        }
    }

    @Test
    void withoutTlsOrTokenVariablesTheConnectorGetsNoneRatherThanEmptyValues() {
        try (ConfigurableApplicationContext context = start()) {
            AxonServerConfiguration settings = context.getBean(AxonServerConfiguration.class);

            assertThat(settings.getServers()).isEqualTo("localhost:8124");
            assertThat(settings.getContext()).isEqualTo("default");
            assertThat(settings.isSslEnabled()).isFalse();
            assertThat(settings.getCertFile()).isNull();
            assertThat(settings.getToken()).isNull();
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE).profiles("axonserver")
                .registerShutdownHook(false).logStartupInfo(false).run(arguments);
    }

    /** Only the connector's settings, declared as Axon's {@code AxonServerAutoConfiguration} declares them. */
    @EnableConfigurationProperties
    static class Settings {

        @Bean
        @ConfigurationProperties(prefix = "axon.axonserver")
        AxonServerConfiguration axonServerConfiguration() {
            return new AxonServerConfiguration();
        }

        @Bean
        static BeanPostProcessor blankAxonServerSettingsAreUnset() {
            return AxonServerConfig.blankAxonServerSettingsAreUnset();
        }
    }
}
