package com.mrmentor.platform.command.identity;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * Secrets that prove who someone is: password hashes and TOTP secrets. Kept in their own table, never in an event.
 */
public interface Credentials {

    /** Stores an already-hashed password, replacing any earlier one. */
    void setPassword(UUID userId, String passwordHash);

    /** Whether {@code rawPassword} is the user's password. False when they have none. */
    boolean passwordMatches(UUID userId, String rawPassword);

    /** Keeps a new TOTP secret aside until the owner proves they have it. */
    void setPendingTotpSecret(UUID userId, String base32Secret);

    /** Makes the pending TOTP secret the active one; false if none is pending. */
    boolean activatePendingTotpSecret(UUID userId);

    /** The pending TOTP secret, or null. */
    String pendingTotpSecret(UUID userId);

    /** The active TOTP secret, or null. */
    String totpSecret(UUID userId);

    /**
     * Records that TOTP time step {@code step} was used; false if it (or a later one) was used before, so that a code
     * works once.
     */
    boolean useTotpStep(UUID userId, long step);

    /** The last TOTP time step used, if any. */
    OptionalLong lastTotpStep(UUID userId);

    /** Deletes everything held for the user (erasure). */
    void forget(UUID userId);
}
