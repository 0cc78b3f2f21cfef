package com.mrmentor.platform.shared.identity;

/** Whether an account may be used. */
public enum AccountStatus {
    ACTIVE,
    /** Switched off by an administrator; can be reactivated. */
    DEACTIVATED,
    /** Personal data erased; the account is closed for good, its history stays. */
    ERASED
}
