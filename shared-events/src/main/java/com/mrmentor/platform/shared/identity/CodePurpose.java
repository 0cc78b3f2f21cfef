package com.mrmentor.platform.shared.identity;

/** What an e-mailed one-time code proves. */
public enum CodePurpose {
    /** Proves the address at sign-up; valid 10 minutes. */
    EMAIL_VERIFICATION,
    /** Allows a new password; valid 15 minutes. */
    PASSWORD_RESET
}
