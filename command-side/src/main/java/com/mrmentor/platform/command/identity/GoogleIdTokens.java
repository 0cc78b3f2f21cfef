package com.mrmentor.platform.command.identity;

import java.util.Locale;

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
     * @param hostedDomain  the Google Workspace domain ({@code hd}), or null for consumer accounts
     */
    record GoogleIdentity(String subject, String email, boolean emailVerified, String name, String hostedDomain) {

        /**
         * Whether Google is authoritative for the address, so that it may stand for an existing account: Gmail
         * addresses, and addresses of the Workspace domain the account belongs to. For other addresses Google only
         * checked ownership once, when the Google account was made (Google's own guidance).
         */
        public boolean googleOwnsAddress() {
            String domain = email == null ? "" : email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            return domain.equals("gmail.com") || domain.equals("googlemail.com")
                    || (hostedDomain != null && hostedDomain.equalsIgnoreCase(domain));
        }
    }

    /** The ID token was refused. */
    class InvalidIdToken extends RuntimeException {
        public InvalidIdToken(String message) {
            super(message);
        }
    }
}
