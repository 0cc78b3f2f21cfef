package com.mrmentor.platform.command.common;

import org.springframework.security.core.Authentication;

import java.util.UUID;

/** The acting user, always taken from the verified access token, never from a request body. */
public final class Actor {

    private Actor() {
    }

    /** The user id (the token's subject) of the authenticated caller. */
    public static UUID id(Authentication authentication) {
        return UUID.fromString(authentication.getName());
    }
}
