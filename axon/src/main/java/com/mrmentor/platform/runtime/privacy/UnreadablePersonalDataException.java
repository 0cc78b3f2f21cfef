package com.mrmentor.platform.runtime.privacy;

/**
 * Sealed personal data that cannot be opened although its key was not erased: the stored value was altered or
 * truncated, or the key store does not match the event store (another master key, a lost or older
 * {@code personal_data_key} table). Never answered with a guess: the event fails to load.
 */
public class UnreadablePersonalDataException extends RuntimeException {

    public UnreadablePersonalDataException(String message) {
        super(message);
    }

    public UnreadablePersonalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
