package com.mrmentor.platform.runtime.security;

import com.mrmentor.platform.command.identity.AccessTokens;
import com.mrmentor.platform.projections.identity.AccountReads;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.identity.AccountStage;
import com.mrmentor.platform.shared.identity.AccountStatus;
import com.mrmentor.platform.shared.identity.AccountView;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Mints HS256 access tokens: subject = user id, {@code sid} = session, {@code roles} and {@code email} as they are
 * at minting. The roles in a token are informative only: every request takes them from the account as it is now
 * ({@link AccountAwareJwtConverter}).
 */
@Component
class JwtAccessTokens implements AccessTokens {

    private final JwtEncoder encoder;
    private final AccountReads accounts;
    private final SecurityProperties properties;
    private final Clock clock;

    JwtAccessTokens(JwtEncoder encoder, AccountReads accounts, SecurityProperties properties, Clock clock) {
        this.encoder = encoder;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public IssuedAccessToken issue(UUID userId, UUID sessionId) {
        AccountView account = accounts.account(userId)
                .filter(a -> a.status() == AccountStatus.ACTIVE && a.stage() != AccountStage.SIGNUP)
                .orElseThrow(() -> new RuleViolation("account-unavailable", RuleViolation.Kind.UNAUTHENTICATED,
                        "This account cannot sign in"));
        if (accounts.access(userId, sessionId).map(AccountReads.Access::sessionRevoked).orElse(true)) {
            // revoked, or ended by a password change whose per-session revocation has not been recorded yet
            throw new RuleViolation("invalid-refresh-token", RuleViolation.Kind.UNAUTHENTICATED,
                    "The session has ended; sign in again");
        }
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.jwt().issuer())
                .subject(userId.toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.jwt().accessTokenTtl()))
                .claim("sid", sessionId.toString())
                .claim("roles", account.roles().stream().map(Enum::name).sorted().toList());
        if (account.email() != null) {
            claims.claim("email", account.email());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return new IssuedAccessToken(token, properties.jwt().accessTokenTtl().toSeconds());
    }
}
