package com.mrmentor.platform.runtime.axonserver;

import com.mrmentor.platform.projections.audit.AuditChainKeeper;
import com.mrmentor.platform.runtime.MentorPlatformApplication;
import com.mrmentor.platform.runtime.support.TestDatabaseInitializer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The {@code axonserver} profile with no Axon Server listening: the application refuses to start, quickly, saying
 * which servers and context it tried and what to do. Runs the whole application in a context of its own (not the
 * integration tests' shared one) on the test database; the schema is only migrated (never cleaned), and the failed
 * context is closed by Spring Boot.
 */
class AxonServerUnreachableIT {

    private static final String CONTEXT = "mentor-it";

    @Test
    void startingWithTheProfileAndNoServerFailsFastNamingTheServersAndTheContext() throws IOException {
        String servers = "127.0.0.1:" + closedPort();
        AtomicReference<ConfigurableListableBeanFactory> failed = new AtomicReference<>();
        long started = System.nanoTime();

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(MentorPlatformApplication.class)
                .profiles("it", "axonserver")
                .initializers(new TestDatabaseInitializer())
                .listeners(event -> {
                    if (event instanceof ApplicationFailedEvent failedEvent
                            && failedEvent.getApplicationContext() != null) {
                        failed.set(failedEvent.getApplicationContext().getBeanFactory());
                    }
                })
                .registerShutdownHook(false)
                // arguments: they outrank the profile's settings in application.yml, as they do in production
                .run("--server.port=0", "--axon.axonserver.servers=" + servers,
                        "--axon.axonserver.context=" + CONTEXT, "--platform.axonserver.startup-timeout=PT3S"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure).isNotNull();
        Throwable root = rootCause(failure);
        assertThat(root).isInstanceOf(AxonServerUnreachableException.class)
                .hasMessageContaining("No connection to Axon Server at " + servers)
                .hasMessageContaining("context '" + CONTEXT + "'")
                .hasMessageContaining("within 3 s");
        // the whole start (Flyway, Hibernate, Axon) and the 3 s wait; without the check the start would succeed and
        // the connector would retry in the background
        assertThat(took).isLessThan(Duration.ofSeconds(60));

        FailureAnalysis analysis = new AxonServerUnreachableFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains(servers).contains(CONTEXT);
        assertThat(analysis.getAction()).contains("Start Axon Server").contains("AXON_SERVERS")
                .contains("AXON_CERT_FILE").contains("AXON_TOKEN").contains("without the 'axonserver' profile");

        // what the profile assembled: Axon Server's event store, no JDBC storage engine, tokens still in PostgreSQL,
        // and no audit chain (it hashes the bytes of the PostgreSQL event table)
        ConfigurableListableBeanFactory beans = failed.get();
        assertThat(beans).as("the failed context").isNotNull();
        assertThat(beans.getBeanNamesForType(EventStorageEngine.class, true, false)).isEmpty();
        assertThat(declaringClass(beans, beans.getBeanNamesForType(EventStore.class, true, false)))
                .isEqualTo(AxonServerBusAutoConfiguration.class.getName());
        assertThat(declaringClass(beans, beans.getBeanNamesForType(TokenStore.class, true, false)))
                .isEqualTo(JdbcAutoConfiguration.class.getName());
        assertThat(beans.getBeanNamesForType(AuditChainKeeper.class, true, false)).isEmpty();
    }

    private static String declaringClass(ConfigurableListableBeanFactory beans, String[] names) {
        assertThat(names).as(Arrays.toString(names)).hasSize(1);
        return ((AnnotatedBeanDefinition) beans.getBeanDefinition(names[0])).getFactoryMethodMetadata()
                .getDeclaringClassName();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    /** A port nothing listens on: bound once to find it free, then closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
