package com.mrmentor.platform.runtime.axonserver;

import io.axoniq.axonserver.connector.AxonServerConnection;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * What the {@code axonserver} profile adds to Axon's own Axon Server auto-configuration (connection manager, command,
 * query and event buses, {@code AxonServerEventStore} instead of the JDBC storage engine): blank TLS and token
 * settings mean "none", and start-up waits a bounded time for the connection and fails with a clear message rather
 * than starting half-working while the connector retries in the background.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
public class AxonServerConfig {

    private static final Logger log = LoggerFactory.getLogger(AxonServerConfig.class);

    /**
     * {@code AXON_CERT_FILE} and {@code AXON_TOKEN} default to empty in {@code application.yml}; the connector takes
     * any non-null value at its word (an empty token header, a certificate file named ""), so blank becomes unset.
     */
    @Bean
    static BeanPostProcessor blankAxonServerSettingsAreUnset() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AxonServerConfiguration settings) {
                    if (settings.getCertFile() != null && settings.getCertFile().isBlank()) {
                        settings.setCertFile(null);
                    }
                    if (settings.getToken() != null && settings.getToken().isBlank()) {
                        settings.setToken(null);
                    }
                }
                return bean;
            }
        };
    }

    @Bean
    SmartInitializingSingleton axonServerStartupCheck(AxonServerConnectionManager connections,
                                                      AxonServerConfiguration settings,
                                                      @Value("${platform.axonserver.startup-timeout:PT15S}")
                                                      Duration timeout) {
        return () -> awaitConnection(connections, settings, timeout);
    }

    /**
     * Opens the connection to the configured context and waits until it is up, at most {@code timeout}. Runs once
     * every singleton exists and before any lifecycle starts: no event processor, deadline or command handler has
     * started, and the web server is not listening yet.
     */
    static void awaitConnection(AxonServerConnectionManager connections, AxonServerConfiguration settings,
                                Duration timeout) {
        String context = settings.getContext();
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        try {
            AxonServerConnection connection = connections.getConnection(context);
            while (!connection.isConnected()) {
                if (System.nanoTime() - deadline >= 0) {
                    throw unreachable(settings, timeout, null);
                }
                Thread.sleep(100); // polling the connector's state until the start-up deadline, not a test
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(settings, Duration.ofNanos(System.nanoTime() - started), e);
        } catch (AxonServerUnreachableException e) {
            throw e;
        } catch (RuntimeException e) { // a certificate that cannot be read, a malformed address
            throw unreachable(settings, Duration.ofNanos(System.nanoTime() - started), e);
        }
        log.info("Connected to Axon Server at {}, context '{}', in {} ms", settings.getServers(), context,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static AxonServerUnreachableException unreachable(AxonServerConfiguration settings, Duration waited,
                                                              Throwable cause) {
        return new AxonServerUnreachableException(settings.getServers(), settings.getContext(),
                settings.isSslEnabled(), settings.getToken() != null, waited, cause);
    }
}
