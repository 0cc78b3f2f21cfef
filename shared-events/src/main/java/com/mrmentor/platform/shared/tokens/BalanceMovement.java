package com.mrmentor.platform.shared.tokens;

/** A wallet event that moves tokens; it records the wallet's totals right after the movement. */
public interface BalanceMovement {

    /** Tokens moved, never negative. */
    long amount();

    /** Tokens owned after the movement, held ones included. */
    long balanceAfter();

    /** Tokens held after the movement. */
    long heldAfter();
}
