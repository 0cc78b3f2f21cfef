package com.mrmentor.platform.command.identity;

import java.util.Collection;
import java.util.UUID;

/**
 * The per-person keys that encrypt personal fields in events, kept outside the event store. Destroying a key is
 * erasure: the events stay, their personal fields can no longer be read.
 */
public interface PersonalDataKeys {

    /** Destroys {@code subject}'s key for good; later personal fields about them are stored as erased. */
    void erase(UUID subject);

    /**
     * Makes the keys of these subjects ahead of sealing their events, in one go (a batch of new leads: one transaction
     * instead of one per person). Keys that exist are left as they are; an erased subject gets none. Optional: keys are
     * made on first use anyway.
     */
    default void prepare(Collection<UUID> subjects) {
    }
}
