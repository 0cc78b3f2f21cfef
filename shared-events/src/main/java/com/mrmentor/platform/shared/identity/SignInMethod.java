package com.mrmentor.platform.shared.identity;

/** How a session was opened. */
public enum SignInMethod {
    PASSWORD,
    GOOGLE,
    /** Emergency access for administrators: password plus TOTP code; every use is audited. */
    BREAK_GLASS
}
