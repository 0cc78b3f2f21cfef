package com.mrmentor.platform.runtime.security;

import com.mrmentor.platform.runtime.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Sign-in with e-mail and password; answers a short-lived bearer token. */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "Authentication")
public class LoginController {

    private final BootstrapUsers users;
    private final SignInThrottle throttle;
    private final JwtEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    public LoginController(BootstrapUsers users, SignInThrottle throttle, JwtEncoder encoder,
                           SecurityProperties properties, Clock clock) {
        this.users = users;
        this.throttle = throttle;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in (anyone); wrong e-mail or password is a 401 that does not say which; "
            + "after 5 failures in 15 minutes for an account or from an address: 429 with Retry-After")
    public TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        String ip = http.getRemoteAddr();
        throttle.blockedFor(request.email(), ip).ifPresent(wait -> {
            throw new TooManyAttempts(wait);
        });
        Optional<BootstrapUsers.User> authenticated = users.authenticate(request.email(), request.password());
        if (authenticated.isEmpty()) {
            throttle.recordFailure(request.email(), ip);
            throw new InvalidCredentials();
        }
        throttle.recordSuccess(request.email());
        BootstrapUsers.User user = authenticated.get();
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.jwt().issuer())
                .subject(user.id().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.jwt().accessTokenTtl()))
                .claim("email", user.email())
                .claim("roles", user.roles().stream().map(Enum::name).toList())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new TokenResponse(token, "Bearer", properties.jwt().accessTokenTtl().toSeconds());
    }

    @ExceptionHandler(InvalidCredentials.class)
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    ProblemDetail invalidCredentials() {
        return Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials",
                "E-mail or password is wrong");
    }

    @ExceptionHandler(TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooManyAttempts(TooManyAttempts refused) {
        long seconds = Math.max(1, (refused.wait.toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-attempts",
                        "Too many failed sign-ins for this account or from this address; try again in "
                                + seconds + " s"));
    }

    /** Body of {@code POST /api/auth/login}. */
    public record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {
    }

    /** A bearer token and its lifetime in seconds. */
    public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

    /** The account or the client address reached its limit of failed sign-ins. */
    static class TooManyAttempts extends RuntimeException {
        private final Duration wait;

        TooManyAttempts(Duration wait) {
            super("too many sign-in attempts", null, false, false);
            this.wait = wait;
        }
    }

    /** Wrong e-mail or password. */
    static class InvalidCredentials extends RuntimeException {
        InvalidCredentials() {
            super("invalid credentials", null, false, false);
        }
    }
}
