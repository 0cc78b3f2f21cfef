package com.mrmentor.platform.command.common;

import com.mrmentor.platform.shared.common.Platform;

import java.util.Set;
import java.util.UUID;

/** What the runtime's authentication tells endpoints about a caller beyond their user id. */
public interface SignedInCaller {

    /** The sign-in session the caller's access token belongs to. */
    UUID sessionId();

    /** The e-mail the access token was issued for, or null (e.g. after erasure). */
    String email();

    /** The platforms the caller's account belongs to, as they are now. */
    Set<Platform> platforms();
}
