package com.mrmentor.platform.shared.identity;

/** Why a password changed. */
public enum PasswordChangeMethod {
    /** The signed-in owner, with the current password. */
    CHANGE,
    /** The owner, with an e-mailed reset code. */
    RESET
}
