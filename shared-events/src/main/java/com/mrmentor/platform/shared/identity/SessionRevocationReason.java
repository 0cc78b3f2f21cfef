package com.mrmentor.platform.shared.identity;

/** Why a session (a refresh-token family) ended before its expiry. */
public enum SessionRevocationReason {
    LOGOUT,
    /** A refresh token that had already been rotated was presented again: the family is assumed stolen. */
    REFRESH_TOKEN_REUSE,
    PASSWORD_CHANGED,
    ACCOUNT_DEACTIVATED,
    ACCOUNT_ERASED
}
