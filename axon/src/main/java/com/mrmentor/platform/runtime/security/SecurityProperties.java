package com.mrmentor.platform.runtime.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Security settings.
 *
 * @param jwt   how access tokens are signed and checked
 * @param admin the bootstrap administrator ({@code ADMIN_EMAIL}, {@code ADMIN_PASSWORD})
 * @param users further accounts created at start-up, e.g. a finance approver on a development machine
 * @param cors  cross-origin access for browser frontends
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(Jwt jwt, BootstrapUser admin, @DefaultValue List<BootstrapUser> users,
                                 @DefaultValue Cors cors) {

    /**
     * @param allowedOrigins browser origins allowed to call the API (e.g. the web frontend); none by default
     */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }

    /**
     * @param secret         base64 HMAC-SHA256 key, at least 32 bytes
     * @param issuer         the {@code iss} claim written and required
     * @param accessTokenTtl lifetime of an access token
     */
    public record Jwt(String secret, @DefaultValue("mentor-platform") String issuer,
                      @DefaultValue("PT15M") Duration accessTokenTtl) {
    }

    /**
     * @param email    sign-in e-mail
     * @param password sign-in password (hashed with BCrypt when the server starts; never logged)
     * @param roles    roles, e.g. ADMIN, FINANCE
     * @param id        user id; derived from the e-mail when absent
     * @param name      display name; the e-mail's local part when absent
     * @param platforms platforms ({@code mr-mentor}, {@code mas}, {@code mr-hire}); all when absent
     */
    public record BootstrapUser(String email, String password, @DefaultValue List<String> roles, String id,
                                String name, @DefaultValue List<String> platforms) {
    }
}
