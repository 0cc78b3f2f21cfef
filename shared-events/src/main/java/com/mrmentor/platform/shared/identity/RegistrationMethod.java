package com.mrmentor.platform.shared.identity;

/** How an account came to exist. */
public enum RegistrationMethod {
    /** Self sign-up with e-mail and password. */
    SIGNUP,
    /** First sign-in with a Google ID token. */
    GOOGLE,
    /** An accepted administrator's invitation. */
    INVITATION,
    /** A user from the server's configuration (the first administrator). */
    BOOTSTRAP,
    /** A sales lead converted into a student by the CRM (unverified, no password until the student sets one). */
    CRM_CONVERSION
}
