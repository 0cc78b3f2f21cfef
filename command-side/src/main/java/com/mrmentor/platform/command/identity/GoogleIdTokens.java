package com.mrmentor.platform.command.identity;

/** Verifies Google ID tokens: signature against Google's published keys, issuer, audience and expiry. */
public interface GoogleIdTokens {

    /**
     * The identity a valid ID token vouches for.
     *
     * @throws InvalidIdToken if the token is malformed, badly signed, expired, or meant for another client
     */
    GoogleIdentity verify(String idToken);

    /**
     * @param subject       Google's stable id of the account ({@code sub})
     * @param email         the account's e-mail
     * @param emailVerified whether Google verified the e-mail ({@code email_verified})
     * @param name          display name, may be null
     */
    record GoogleIdentity(String subject, String email, boolean emailVerified, String name) {
    }

    /** The ID token was refused. */
    class InvalidIdToken extends RuntimeException {
        public InvalidIdToken(String message) {
            super(message);
        }
    }
}
