package com.mrmentor.platform.command.tokens;

import java.util.UUID;

/** Deadline payload: the grant's expiry has come. */
record GrantExpiryDue(UUID grantId) {
}
