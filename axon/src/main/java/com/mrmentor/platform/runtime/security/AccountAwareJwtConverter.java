package com.mrmentor.platform.runtime.security;

import com.mrmentor.platform.command.common.SignedInCaller;
import com.mrmentor.platform.projections.identity.AccountReads;
import com.mrmentor.platform.shared.common.Platform;
import com.mrmentor.platform.shared.identity.AccountStatus;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a verified access token into the caller, checking the account and session <em>as they are now</em>: a
 * deactivated or erased account, or a revoked session (sign-out, refresh-token theft, password change), is refused
 * from its next request, not when the token expires. Roles come from the account, not from the token, so a role
 * change also counts from the next request. One indexed read per request.
 */
@Component
class AccountAwareJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final AccountReads accounts;

    AccountAwareJwtConverter(AccountReads accounts) {
        this.accounts = accounts;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        UUID userId = uuid(jwt.getSubject());
        UUID sessionId = uuid(jwt.getClaimAsString("sid"));
        AccountReads.Access access = accounts.access(userId, sessionId)
                .orElseThrow(() -> new InvalidBearerTokenException("The token's account does not exist"));
        if (access.status() != AccountStatus.ACTIVE) {
            throw new InvalidBearerTokenException("The account is " + access.status().name().toLowerCase());
        }
        if (access.sessionRevoked()) {
            throw new InvalidBearerTokenException("The session has ended; sign in again");
        }
        List<GrantedAuthority> authorities = access.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return new CallerAuthentication(jwt, authorities, access.platforms(), sessionId);
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidBearerTokenException("The token does not name a user and a session");
        }
    }

    /** The authenticated caller: the token, the account's current roles and the platforms it belongs to. */
    static final class CallerAuthentication extends JwtAuthenticationToken implements SignedInCaller {
        private final transient Set<Platform> platforms;
        private final UUID sessionId;

        CallerAuthentication(Jwt jwt, List<GrantedAuthority> authorities, Set<Platform> platforms, UUID sessionId) {
            super(jwt, authorities, jwt.getSubject());
            this.platforms = Set.copyOf(platforms);
            this.sessionId = sessionId;
        }

        @Override
        public Set<Platform> platforms() {
            return platforms;
        }

        @Override
        public UUID sessionId() {
            return sessionId;
        }

        @Override
        public String email() {
            return getToken().getClaimAsString("email");
        }
    }
}
