package com.mrmentor.platform.saga.tokens;

import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokenGrantRequested;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The saga store keeps sagas as Jackson JSON; the saga fixture never serializes, so this test checks that the
 * state the deadline needs survives a round trip (it once was stored as {@code {}}).
 */
class TokenGrantApprovalSagaSerializationTest {

    @Test
    void theSagaKeepsItsGrantAndScheduleThroughTheSagaStoreSerializer() {
        UUID userId = UUID.randomUUID();
        UUID grantId = UUID.randomUUID();
        DeadlineManager deadlines = mock(DeadlineManager.class);
        when(deadlines.schedule(any(Instant.class), anyString())).thenReturn("schedule-42");
        TokenGrantApprovalSaga saga = new TokenGrantApprovalSaga();
        saga.on(new TokenGrantRequested(userId, grantId, 500, TokenCategory.PAID, "campaign", null, UUID.randomUUID(),
                100, Instant.parse("2026-11-28T10:00:00Z")), deadlines);

        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        SerializedObject<String> stored = serializer.serialize(saga, String.class);
        TokenGrantApprovalSaga loaded = serializer.deserialize(stored);

        assertThat(stored.getData()).contains(userId.toString(), grantId.toString(), "schedule-42");
        assertThat(serializer.serialize(loaded, String.class).getData()).isEqualTo(stored.getData());
    }
}
