package com.mrmentor.platform.shared.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain's definition is a published format (auditors recompute it with their own tools, docs/audit.md): these
 * links were computed independently with Python's hashlib from the documented procedure, so a change to the
 * canonical form fails here rather than in an auditor's office.
 */
class ChainLinkTest {

    private static final ChainLink.StoredForm EVENT = new ChainLink.StoredForm(7, "e-1", "TokenWallet",
            "token-wallet:1", 2L, "2026-11-21T10:00:00.123Z", "com.x.TokensGranted", null,
            "{\"amount\":5}".getBytes(StandardCharsets.UTF_8), "{\"userId\":\"u1\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void theFirstLinkFollowsThirtyTwoZeroBytes() {
        assertThat(ChainLink.next(ChainLink.GENESIS, EVENT))
                .isEqualTo("64059381133ecde29354872d53d70e2aca32309e65678f76e4978641811b163a");
    }

    @Test
    void aLinkCoversThePreviousLink() {
        assertThat(ChainLink.next("ab".repeat(32), EVENT))
                .isEqualTo("415ee069770a9ed9910ad632e09bdf49358a54c15c499d09262a8398f6711093");
    }

    @Test
    void everyStoredByteCounts() {
        ChainLink.StoredForm otherAmount = new ChainLink.StoredForm(7, "e-1", "TokenWallet", "token-wallet:1", 2L,
                "2026-11-21T10:00:00.123Z", "com.x.TokensGranted", null,
                "{\"amount\":6}".getBytes(StandardCharsets.UTF_8),
                "{\"userId\":\"u1\"}".getBytes(StandardCharsets.UTF_8));
        ChainLink.StoredForm otherActor = new ChainLink.StoredForm(7, "e-1", "TokenWallet", "token-wallet:1", 2L,
                "2026-11-21T10:00:00.123Z", "com.x.TokensGranted", null,
                "{\"amount\":5}".getBytes(StandardCharsets.UTF_8),
                "{\"userId\":\"u2\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(ChainLink.next(ChainLink.GENESIS, otherAmount)).isNotEqualTo(ChainLink.next(ChainLink.GENESIS,
                EVENT));
        assertThat(ChainLink.next(ChainLink.GENESIS, otherActor)).isNotEqualTo(ChainLink.next(ChainLink.GENESIS,
                EVENT));
        assertThat(EVENT.metadataDigest()).hasSize(64);
    }
}
