package com.mrmentor.platform.runtime.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Sign-in with Google: which ID tokens the server accepts.
 *
 * @param clientId  the OAuth client id of the platform's Google project ({@code GOOGLE_CLIENT_ID}); tokens must name
 *                  it as their audience. Empty: Google sign-in is off and every ID token is refused
 * @param jwksUri   where Google publishes its signing keys
 * @param issuers   the accepted {@code iss} values (Google writes either form)
 * @param clockSkew how far the server's clock and Google's may disagree when checking expiry
 */
@ConfigurationProperties("platform.security.google")
public record GoogleProperties(@DefaultValue("") String clientId,
                               @DefaultValue("https://www.googleapis.com/oauth2/v3/certs") String jwksUri,
                               @DefaultValue({"accounts.google.com", "https://accounts.google.com"})
                               List<String> issuers,
                               @DefaultValue("PT60S") Duration clockSkew) {

    public GoogleProperties {
        clientId = clientId == null ? "" : clientId.strip();
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("platform.security.google.clock-skew must not be negative");
        }
    }

    /** Whether Google sign-in is configured. */
    public boolean enabled() {
        return !clientId.isEmpty();
    }
}
