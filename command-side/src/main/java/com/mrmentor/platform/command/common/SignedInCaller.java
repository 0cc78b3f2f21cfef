package com.mrmentor.platform.command.common;

import java.util.UUID;

/** What the runtime's authentication tells endpoints about a caller beyond their user id. */
public interface SignedInCaller {

    /** The sign-in session the caller's access token belongs to. */
    UUID sessionId();

    /** The e-mail the access token was issued for, or null (e.g. after erasure). */
    String email();
}
