package com.mrmentor.platform.runtime.privacy;

import com.mrmentor.platform.command.identity.EmailIndex;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server refuses to encrypt personal data on PostgreSQL with the master key everyone can read in the repository. */
class PersonalDataKeyPolicyTest {

    private static final String OWN_KEY = "b3duLXByb2R1Y3Rpb24tbWFzdGVyLWtleS1vZi1hdC1sZWFzdC0zMi1ieXRlcw==";

    private final PersonalDataConfig config = new PersonalDataConfig();

    @Test
    void thePostgresProfileRefusesTheDevelopmentKey() {
        assertThatThrownBy(() -> config.personalDataMasterKey(
                properties(PersonalDataProperties.DEVELOPMENT_MASTER_KEY), postgres()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PII_MASTER_KEY");
    }

    @Test
    void theEmbeddedProfileAcceptsTheDevelopmentKey() {
        assertThat(config.personalDataMasterKey(properties(PersonalDataProperties.DEVELOPMENT_MASTER_KEY),
                new MockEnvironment())).isNotNull();
    }

    @Test
    void thePostgresProfileAcceptsItsOwnKey() {
        assertThat(config.personalDataMasterKey(properties(OWN_KEY), postgres())).isNotNull();
    }

    @Test
    void aShortMissingOrGarbledKeyIsRefused() {
        assertThatThrownBy(() -> config.personalDataMasterKey(properties("c2hvcnQ="), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> config.personalDataMasterKey(properties(" "), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be set");
        assertThatThrownBy(() -> config.personalDataMasterKey(properties("not base64 at all!"), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("base64");
    }

    @Test
    void withNothingConfiguredTheDevelopmentKeyAndAThirtySecondCacheApply() {
        PersonalDataProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("platform.security.pii", PersonalDataProperties.class);

        assertThat(defaults.masterKey()).isEqualTo(PersonalDataProperties.DEVELOPMENT_MASTER_KEY);
        assertThat(defaults.keyCacheTtl()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void configuredValuesBind() {
        PersonalDataProperties bound = new Binder(new MapConfigurationPropertySource(Map.of(
                "platform.security.pii.master-key", OWN_KEY, "platform.security.pii.key-cache-ttl", "PT5S")))
                .bindOrCreate("platform.security.pii", PersonalDataProperties.class);

        assertThat(bound.masterKey()).isEqualTo(OWN_KEY);
        assertThat(bound.keyCacheTtl()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theEmailIndexIsKeyedByHmacOfTheMasterKeySoEveryNodeAgrees() throws Exception {
        EmailIndex index = config.emailIndex(config.personalDataMasterKey(properties(OWN_KEY), postgres()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(OWN_KEY), "HmacSHA256"));
        EmailIndex expected = new EmailIndex(mac.doFinal("email-index-v1".getBytes(StandardCharsets.UTF_8)));
        EmailIndex underTheDevelopmentKey = config.emailIndex(config.personalDataMasterKey(
                properties(PersonalDataProperties.DEVELOPMENT_MASTER_KEY), new MockEnvironment()));

        assertThat(index.of(" Alice@Example.com")).isEqualTo(expected.of("alice@example.com"));
        assertThat(underTheDevelopmentKey.of("alice@example.com")).isNotEqualTo(index.of("alice@example.com"));
    }

    private static MockEnvironment postgres() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("postgres");
        return environment;
    }

    private static PersonalDataProperties properties(String masterKey) {
        return new PersonalDataProperties(masterKey, Duration.ofSeconds(30));
    }
}
