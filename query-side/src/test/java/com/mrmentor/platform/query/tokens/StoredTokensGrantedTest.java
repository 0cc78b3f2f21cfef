package com.mrmentor.platform.query.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.query.audit.StoredEvent;
import com.mrmentor.platform.shared.tokens.GrantSource;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored TokensGranted JSON of both revisions (and none) reads the same facts; an unknown revision is refused. */
class StoredTokensGrantedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID OWNER = UUID.randomUUID();
    private static final UUID ADMIN = UUID.randomUUID();

    @Test
    void revisionOneImpliesThePurchaseAndItsOrder() throws Exception {
        UUID order = UUID.randomUUID();
        UUID grant = UUID.randomUUID();
        String payload = "{\"userId\":\"" + OWNER + "\",\"grantId\":\"" + grant + "\",\"amount\":5,"
                + "\"category\":\"PAID\",\"reason\":\"token purchase, order " + order + "\",\"expiresAt\":null,"
                + "\"grantedBy\":null,\"approvedBy\":null,\"balanceAfter\":5,\"heldAfter\":0}";

        assertThat(StoredTokensGranted.of(stored(payload, "1")))
                .isEqualTo(new StoredTokensGranted(OWNER, grant, 5, TokenCategory.PAID, GrantSource.PURCHASE, order));
        assertThat(StoredTokensGranted.of(stored(payload, null)).orderId()).isEqualTo(order);
    }

    @Test
    void revisionOneWithAGrantingPersonIsManual() throws Exception {
        UUID grant = UUID.randomUUID();
        String payload = "{\"userId\":\"" + OWNER + "\",\"grantId\":\"" + grant + "\",\"amount\":3,"
                + "\"category\":\"PROMOTIONAL\",\"reason\":\"welcome\",\"expiresAt\":\"2030-01-01T00:00:00Z\","
                + "\"grantedBy\":\"" + ADMIN + "\",\"approvedBy\":null,\"balanceAfter\":8,\"heldAfter\":0}";

        assertThat(StoredTokensGranted.of(stored(payload, "1"))).isEqualTo(
                new StoredTokensGranted(OWNER, grant, 3, TokenCategory.PROMOTIONAL, GrantSource.MANUAL, null));
    }

    @Test
    void revisionTwoIsReadAsWritten() throws Exception {
        UUID order = UUID.randomUUID();
        UUID grant = UUID.randomUUID();
        String payload = "{\"userId\":\"" + OWNER + "\",\"grantId\":\"" + grant + "\",\"amount\":10,"
                + "\"category\":\"PAID\",\"reason\":\"anything\",\"expiresAt\":null,\"grantedBy\":null,"
                + "\"approvedBy\":null,\"balanceAfter\":10,\"heldAfter\":0,\"source\":\"PURCHASE\","
                + "\"orderId\":\"" + order + "\"}";

        assertThat(StoredTokensGranted.of(stored(payload, "2")))
                .isEqualTo(new StoredTokensGranted(OWNER, grant, 10, TokenCategory.PAID, GrantSource.PURCHASE, order));
    }

    @Test
    void anUnknownRevisionIsRefusedRatherThanGuessed() throws Exception {
        String payload = "{\"userId\":\"" + OWNER + "\",\"grantId\":\"" + UUID.randomUUID() + "\",\"amount\":1,"
                + "\"category\":\"PAID\"}";

        assertThatThrownBy(() -> StoredTokensGranted.of(stored(payload, "3")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("revision 3");
    }

    private static StoredEvent stored(String payload, String revision) throws Exception {
        JsonNode json = JSON.readTree(payload);
        return new StoredEvent(1, 1, UUID.randomUUID().toString(), "TokenWallet",
                StoredTokensGranted.TYPE, revision, Instant.now(), json, JSON.createObjectNode());
    }
}
