package com.mrmentor.platform.command.tokens;

import java.util.UUID;

/** Deadline payload: the hold's expiry has come. */
record HoldExpiryDue(UUID holdId) {
}
