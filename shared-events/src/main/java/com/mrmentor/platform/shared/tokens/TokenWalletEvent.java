package com.mrmentor.platform.shared.tokens;

import java.util.UUID;

/** Every event of a token wallet; all name the wallet's owner first. */
public sealed interface TokenWalletEvent
        permits TokenWalletOpened, TokenGrantRequested, TokenGrantApproved, TokenGrantRejected, TokenGrantLapsed,
        TokensGranted, TokenGrantExpired, TokenGrantRevoked, TokensHeld, TokenHoldCaptured, TokenHoldReleased, TokenHoldExtended {

    /** The owner of the wallet. */
    UUID userId();
}
