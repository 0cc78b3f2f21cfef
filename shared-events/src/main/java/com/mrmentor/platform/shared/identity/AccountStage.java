package com.mrmentor.platform.shared.identity;

/** How far a self-registered account has come. The stage only moves forward. */
public enum AccountStage {
    /** Registered; the e-mail address is not proven yet. Cannot sign in. */
    SIGNUP,
    /** The e-mail address is proven (code, Google, invitation). Can sign in. */
    VERIFIED,
    /** Name, phone, profession and domain are given. */
    PROFILE_COMPLETE
}
