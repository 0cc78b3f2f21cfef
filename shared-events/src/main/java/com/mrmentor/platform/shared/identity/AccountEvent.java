package com.mrmentor.platform.shared.identity;

import java.util.UUID;

/** An event of one user account (aggregate id: the user id). */
public interface AccountEvent {
    UUID userId();
}
