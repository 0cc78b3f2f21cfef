package com.mrmentor.platform.runtime.support;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import com.mrmentor.platform.runtime.MentorPlatformApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/**
 * Base of the integration tests: the whole server on a random port, over real HTTP, on the local PostgreSQL. All
 * test classes share one application context (one schema, cleaned when it starts), so each test works on fresh
 * user ids and never assumes an empty database. Metrics export stays on as in production (Spring Boot turns it off
 * in tests by default), so that {@code /actuator/prometheus} exists. E-mail goes over SMTP to the JVM's
 * {@link TestMailbox} and Google sign-in checks tokens against the JVM's {@link FakeGoogle}; both are wired by the one
 * {@link #externalServices} method here, so that subclasses keep sharing the context (they must not add their own
 * {@code @DynamicPropertySource}).
 */
@SpringBootTest(classes = MentorPlatformApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@AutoConfigureObservability(tracing = false)
@Import(IntegrationTestConfig.class)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public abstract class IntegrationTest {

    protected static final UUID STUDENT_ID = UUID.fromString("22222222-2222-4222-8222-222222222222");
    protected static final UUID OTHER_STUDENT_ID = UUID.fromString("33333333-3333-4333-8333-333333333333");

    @LocalServerPort
    private int port;

    /** The platform's clock; tests that move it are reset after each test. */
    @Autowired
    protected TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private ApiClient api;

    @DynamicPropertySource
    static void externalServices(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> TestMailbox.shared().port());
        registry.add("platform.security.google.jwks-uri", () -> FakeGoogle.shared().jwksUri());
        registry.add("platform.security.google.client-id", () -> FakeGoogle.CLIENT_ID);
    }

    /** Every e-mail the server sent, per recipient. */
    protected TestMailbox mailbox() {
        return TestMailbox.shared();
    }

    /** Google's key endpoint and a minter of ID tokens for {@link FakeGoogle#CLIENT_ID}. */
    protected FakeGoogle google() {
        return FakeGoogle.shared();
    }

    protected ApiClient api() {
        if (api == null) {
            api = new ApiClient(port);
        }
        return api;
    }

    /** The identity routes as test steps (sign up, verify, sign in, invite), reading codes from the mailbox. */
    protected IdentityApi identity() {
        return new IdentityApi(api(), mailbox());
    }

    protected String admin() {
        return api().login("admin@test.local", "admin-test-password");
    }

    protected String secondAdmin() {
        return api().login("admin2@test.local", "admin2-test-password");
    }

    protected String finance() {
        return api().login("finance@test.local", "finance-test-password");
    }

    protected String auditor() {
        return api().login("auditor@test.local", "auditor-test-password");
    }

    protected String student() {
        return api().login("student@test.local", "student-test-password");
    }

    protected String otherStudent() {
        return api().login("other-student@test.local", "other-student-test-password");
    }
}
