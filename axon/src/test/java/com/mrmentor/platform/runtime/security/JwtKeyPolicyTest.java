package com.mrmentor.platform.runtime.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server refuses to run on PostgreSQL with the key everyone can read in the repository. */
class JwtKeyPolicyTest {

    private final JwtConfig config = new JwtConfig();

    @Test
    void thePostgresProfileRefusesTheDevelopmentKey() {
        MockEnvironment postgres = new MockEnvironment();
        postgres.setActiveProfiles("postgres");

        assertThatThrownBy(() -> config.jwtSigningKey(properties(JwtConfig.DEVELOPMENT_SECRET), postgres))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JWT_SECRET");
    }

    @Test
    void theEmbeddedProfileAcceptsTheDevelopmentKey() {
        assertThat(config.jwtSigningKey(properties(JwtConfig.DEVELOPMENT_SECRET), new MockEnvironment()))
                .isNotNull();
    }

    @Test
    void thePostgresProfileAcceptsItsOwnKey() {
        MockEnvironment postgres = new MockEnvironment();
        postgres.setActiveProfiles("postgres");
        String ownKey = "b3duLXByb2R1Y3Rpb24ta2V5LW9mLWF0LWxlYXN0LXRoaXJ0eS10d28tYnl0ZXM=";

        assertThat(config.jwtSigningKey(properties(ownKey), postgres).getAlgorithm()).isEqualTo("HmacSHA256");
    }

    @Test
    void aKeyShorterThan256BitsIsRefused() {
        assertThatThrownBy(() -> config.jwtSigningKey(properties("c2hvcnQ="), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void aMissingKeyIsRefused() {
        assertThatThrownBy(() -> config.jwtSigningKey(properties(""), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class);
    }

    private static SecurityProperties properties(String secret) {
        return new SecurityProperties(new SecurityProperties.Jwt(secret, "mentor-platform", Duration.ofMinutes(15)),
                null, List.of(), new SecurityProperties.Cors(List.of()));
    }
}
