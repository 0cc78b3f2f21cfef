package com.mrmentor.platform.runtime.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Keys for personal data in events.
 *
 * @param masterKey   base64, at least 32 bytes ({@code PII_MASTER_KEY}); wraps every person's key and keys the e-mail
 *                    index. Losing it makes every personal field unreadable; changing it needs a re-wrap of
 *                    {@code personal_data_key}. The built-in development key is refused under the {@code postgres}
 *                    profile.
 * @param keyCacheTtl how long a node keeps a person's unwrapped key in memory; an erasure made on another node takes
 *                    effect here within this time
 */
@ConfigurationProperties("platform.security.pii")
public record PersonalDataProperties(@DefaultValue(DEVELOPMENT_MASTER_KEY) String masterKey,
                                     @DefaultValue("PT30S") Duration keyCacheTtl) {

    /** The key shipped for the embedded default profile and tests; never for a real deployment. */
    public static final String DEVELOPMENT_MASTER_KEY = "ZGV2ZWxvcG1lbnQtb25seS1wZXJzb25hbC1kYXRhLW1hc3Rlci1rZXktMjAyNiE=";

    public PersonalDataProperties {
        if (keyCacheTtl == null) {
            keyCacheTtl = Duration.ofSeconds(30);
        }
        if (keyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("platform.security.pii.key-cache-ttl must not be negative");
        }
    }
}
