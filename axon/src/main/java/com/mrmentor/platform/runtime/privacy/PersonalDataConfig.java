package com.mrmentor.platform.runtime.privacy;

import com.mrmentor.platform.command.identity.EmailIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.util.Base64;

/**
 * The master key of personal data and what is derived from it. Under the {@code postgres} profile the built-in
 * development key is refused, as for the JWT key.
 */
@Configuration(proxyBeanMethods = false)
public class PersonalDataConfig {

    @Bean
    PersonalDataMasterKey personalDataMasterKey(PersonalDataProperties properties, Environment environment) {
        String masterKey = properties.masterKey();
        if (masterKey == null || masterKey.isBlank()) {
            throw new IllegalStateException("platform.security.pii.master-key (PII_MASTER_KEY) must be set");
        }
        if (PersonalDataProperties.DEVELOPMENT_MASTER_KEY.equals(masterKey)
                && environment.acceptsProfiles(Profiles.of("postgres"))) {
            throw new IllegalStateException("Refusing to start: the postgres profile needs its own PII_MASTER_KEY, "
                    + "not the built-in development key");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(masterKey.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("platform.security.pii.master-key (PII_MASTER_KEY) must be base64");
        }
        if (key.length < 32) {
            throw new IllegalStateException(
                    "platform.security.pii.master-key (PII_MASTER_KEY) must decode to at least 32 bytes");
        }
        return new PersonalDataMasterKey(key);
    }

    /**
     * The keyed hash that finds an account by e-mail. Its key is derived from the master key, so changing
     * {@code PII_MASTER_KEY} also changes every stored e-mail index.
     */
    @Bean
    EmailIndex emailIndex(PersonalDataMasterKey personalDataMasterKey) {
        return new EmailIndex(personalDataMasterKey.derive(PersonalDataMasterKey.EMAIL_INDEX));
    }
}
