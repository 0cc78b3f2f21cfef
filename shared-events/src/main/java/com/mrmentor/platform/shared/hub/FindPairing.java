package com.mrmentor.platform.shared.hub;

import java.util.UUID;

/** One pairing; a {@link PairingView}, or null. */
public record FindPairing(UUID pairingId) {
}
