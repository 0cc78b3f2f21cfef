package com.mrmentor.platform.command.identity;

import java.util.UUID;

/**
 * The per-person keys that encrypt personal fields in events, kept outside the event store. Destroying a key is
 * erasure: the events stay, their personal fields can no longer be read.
 */
public interface PersonalDataKeys {

    /** Destroys {@code subject}'s key for good; later personal fields about them are stored as erased. */
    void erase(UUID subject);
}
