package com.mrmentor.platform.runtime.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;

/**
 * HMAC-SHA256 signed access tokens. Only HS256 is accepted ({@code alg: none} or any other algorithm fails), and
 * the issuer and expiry are checked. Under the {@code postgres} profile the built-in development key is refused.
 */
@Configuration(proxyBeanMethods = false)
public class JwtConfig {

    /** The key shipped for the embedded default profile and tests; never for a real deployment. */
    static final String DEVELOPMENT_SECRET = "ZGV2ZWxvcG1lbnQtb25seS1rZXktZm9yLW1lbnRvci1wbGF0Zm9ybS0yMDI2IQ==";

    @Bean
    SecretKey jwtSigningKey(SecurityProperties properties, Environment environment) {
        String secret = properties.jwt().secret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("platform.security.jwt.secret (JWT_SECRET) must be set");
        }
        if (DEVELOPMENT_SECRET.equals(secret) && environment.acceptsProfiles(Profiles.of("postgres"))) {
            throw new IllegalStateException("Refusing to start: the postgres profile needs its own JWT_SECRET, "
                    + "not the built-in development key");
        }
        byte[] key = Base64.getDecoder().decode(secret);
        if (key.length < 32) {
            throw new IllegalStateException("platform.security.jwt.secret must decode to at least 32 bytes");
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey, SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.jwt().issuer())));
        return decoder;
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(jwtSigningKey));
    }
}
