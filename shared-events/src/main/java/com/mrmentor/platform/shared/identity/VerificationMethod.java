package com.mrmentor.platform.shared.identity;

/** How an e-mail address was proven. */
public enum VerificationMethod {
    /** The 6-digit code e-mailed at sign-up. */
    CODE,
    /** Google vouched for it in a verified ID token. */
    GOOGLE,
    /** The invitation was sent to it and accepted with it. */
    INVITATION,
    /** Configured by the operator. */
    BOOTSTRAP
}
