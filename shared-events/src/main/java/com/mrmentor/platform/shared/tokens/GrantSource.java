package com.mrmentor.platform.shared.tokens;

/** How a grant's tokens came into the wallet. */
public enum GrantSource {
    /** A person (ADMIN or FINANCE) granted them, directly or after a second person's approval. */
    MANUAL,
    /** A buyer paid for them: the payments context credited them in the transaction that captured the payment. */
    PURCHASE
}
