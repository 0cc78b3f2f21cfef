package com.mrmentor.platform.shared.identity;

import java.util.UUID;

/** An event of one sign-in session, i.e. one refresh-token family (aggregate id: the session id). */
public interface SessionEvent {
    UUID sessionId();

    UUID userId();
}
