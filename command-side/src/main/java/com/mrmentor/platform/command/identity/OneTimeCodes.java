package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.shared.identity.CodePurpose;

import java.util.UUID;

/** Hashes of outstanding e-mailed codes, one per user and purpose; the plain code is never stored. */
public interface OneTimeCodes {

    /** Replaces the user's code for {@code purpose} with one of hash {@code codeHash}. */
    void store(UUID userId, CodePurpose purpose, String codeHash);

    /** Whether {@code code} is the user's outstanding code for {@code purpose}. */
    boolean matches(UUID userId, CodePurpose purpose, String code);

    /** Removes the code (used or replaced). */
    void discard(UUID userId, CodePurpose purpose);

    /** Removes every code of the user (erasure). */
    void forget(UUID userId);
}
