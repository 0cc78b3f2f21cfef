package com.mrmentor.platform.shared.tokens;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * The user's wallet was opened, on the first grant or hold that named it.
 */
@Revision("1")
public record TokenWalletOpened(UUID userId) implements TokenWalletEvent {
}
