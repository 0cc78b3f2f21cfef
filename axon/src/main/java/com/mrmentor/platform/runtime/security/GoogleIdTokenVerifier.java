package com.mrmentor.platform.runtime.security;

import com.mrmentor.platform.command.identity.GoogleIdTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Checks Google ID tokens: RS256 signature against the keys Google publishes (fetched on first use and cached, so
 * the server starts while Google is unreachable), expiry with the configured clock skew, the issuer, the audience
 * (this platform's client id), and the presence of {@code sub} and {@code email}. Whether Google verified the
 * e-mail is reported, not enforced: the caller decides. Refusals carry a message safe to show the client; the token
 * itself is never logged.
 */
@Component
public class GoogleIdTokenVerifier implements GoogleIdTokens {

    /** How long fetching Google's keys may take before the sign-in is refused as unavailable. */
    static final Duration KEY_FETCH_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(GoogleIdTokenVerifier.class);

    private final GoogleProperties properties;
    private final Clock clock;
    private volatile JwtDecoder decoder;

    public GoogleIdTokenVerifier(GoogleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public GoogleIdentity verify(String idToken) {
        if (!properties.enabled()) {
            throw new InvalidIdToken("Google sign-in is not configured");
        }
        if (idToken == null || idToken.isBlank()) {
            throw new InvalidIdToken("The Google ID token is missing");
        }
        Jwt jwt = decode(idToken.strip());
        return new GoogleIdentity(jwt.getSubject(), jwt.getClaimAsString("email"),
                Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified")), jwt.getClaimAsString("name"),
                jwt.getClaimAsString("hd"));
    }

    private Jwt decode(String idToken) {
        try {
            return decoder().decode(idToken);
        } catch (JwtValidationException e) {
            throw new InvalidIdToken(e.getErrors().stream().findFirst().map(OAuth2Error::getDescription)
                    .orElse("The Google ID token is not valid"));
        } catch (BadJwtException e) {
            log.debug("Google ID token refused: {}", e.getMessage());
            throw new InvalidIdToken("The Google ID token is malformed or not signed by Google");
        } catch (JwtException e) {
            // not the token's fault: Google's keys could not be fetched or read
            log.warn("Google ID token not checked: {}", e.getMessage());
            throw new InvalidIdToken("Google sign-in is unavailable right now; try again later");
        }
    }

    private JwtDecoder decoder() {
        JwtDecoder current = decoder;
        if (current == null) {
            synchronized (this) {
                current = decoder;
                if (current == null) {
                    current = buildDecoder();
                    decoder = current;
                }
            }
        }
        return current;
    }

    private JwtDecoder buildDecoder() {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(KEY_FETCH_TIMEOUT);
        requests.setReadTimeout(KEY_FETCH_TIMEOUT);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .restOperations(new RestTemplate(requests))
                .build();
        decoder.setJwtValidator(validator());
        return decoder;
    }

    OAuth2TokenValidator<Jwt> validator() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setClock(clock);
        List<String> issuers = properties.issuers();
        String clientId = properties.clientId();
        return new DelegatingOAuth2TokenValidator<>(List.of(
                require(jwt -> jwt.getExpiresAt() != null && !timestamps.validate(jwt).hasErrors(),
                        "The Google ID token has expired or is not valid yet"),
                require(jwt -> issuers.contains(jwt.getClaimAsString(JwtClaimNames.ISS)),
                        "The Google ID token was not issued by Google"),
                require(jwt -> jwt.getAudience() != null && jwt.getAudience().contains(clientId),
                        "The Google ID token was issued to another application"),
                require(jwt -> hasText(jwt.getSubject()) && hasText(jwt.getClaimAsString("email")),
                        "The Google ID token names no account or no e-mail")));
    }

    private static OAuth2TokenValidator<Jwt> require(Predicate<Jwt> rule, String refusal) {
        OAuth2TokenValidatorResult failure = OAuth2TokenValidatorResult.failure(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, refusal, null));
        return jwt -> rule.test(jwt) ? OAuth2TokenValidatorResult.success() : failure;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
