package com.mrmentor.platform.runtime.messaging.upcasting;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mrmentor.platform.shared.payments.PaymentIds;
import com.mrmentor.platform.shared.tokens.GrantSource;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokenWalletOpened;
import com.mrmentor.platform.shared.tokens.TokensGranted;
import com.mrmentor.platform.shared.tokens.WalletIds;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored {@code TokensGranted} revision-1 payloads, written exactly as revision 1's record wrote them, through the
 * upcaster and Axon's Jackson serializer (configured like the storage serializer): a purchase reads as PURCHASE of
 * its order, a person's grant as MANUAL; revision 2 and other events pass unchanged; the stored bytes never change.
 */
class TokensGrantedUpcasterTest {

    private static final UUID OWNER = UUID.fromString("5d7b3c1e-0f4a-4d2b-9a61-2f3c4b5a6d7e");
    private static final UUID ADMIN = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final UUID APPROVER = UUID.fromString("1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e");
    private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

    /** The record of revision 1: the same components in the same order (so Jackson writes the same JSON). */
    record TokensGrantedRevision1Shape(UUID userId, UUID grantId, long amount, TokenCategory category, String reason,
                                       Instant expiresAt, UUID grantedBy, UUID approvedBy, long balanceAfter,
                                       long heldAfter) {
    }

    private final ObjectMapper mapper = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(mapper)
            .revisionResolver(new AnnotationRevisionResolver()).build();
    private final TokensGrantedUpcaster upcaster = new TokensGrantedUpcaster();

    @Test
    void aRevisionOnePurchaseReadsAsAPurchaseOfItsOrder() throws Exception {
        UUID order = UUID.randomUUID();
        byte[] stored = revisionOne(new TokensGrantedRevision1Shape(OWNER, PaymentIds.grantOf(order), 5,
                TokenCategory.PAID, "token purchase, order " + order, null, null, null, 5, 0));

        IntermediateEventRepresentation upcast = single(upcast(entry(stored, "1")));
        TokensGranted granted = read(upcast);

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(granted).isEqualTo(new TokensGranted(OWNER, PaymentIds.grantOf(order), 5, TokenCategory.PAID,
                "token purchase, order " + order, null, null, null, 5, 0, GrantSource.PURCHASE, order));
        assertThat((Object) PaymentIds.grantOf(granted.orderId())).isEqualTo(granted.grantId());
    }

    @Test
    void aRevisionOneGrantByAPersonReadsAsManualWithoutAnOrder() throws Exception {
        UUID grant = UUID.randomUUID();
        // a person's reason that happens to read like a purchase's does not make it one
        byte[] stored = revisionOne(new TokensGrantedRevision1Shape(OWNER, grant, 500, TokenCategory.PROMOTIONAL,
                "token purchase, order " + UUID.randomUUID(), EXPIRY, ADMIN, APPROVER, 520, 20));

        TokensGranted granted = read(single(upcast(entry(stored, "1"))));

        assertThat(granted).isEqualTo(new TokensGranted(OWNER, grant, 500, TokenCategory.PROMOTIONAL,
                granted.reason(), EXPIRY, ADMIN, APPROVER, 520, 20, GrantSource.MANUAL, null));
    }

    @Test
    void anEventStoredWithoutARevisionIsRevisionOne() throws Exception {
        UUID order = UUID.randomUUID();
        byte[] stored = revisionOne(new TokensGrantedRevision1Shape(OWNER, PaymentIds.grantOf(order), 1,
                TokenCategory.PAID, "token purchase, order " + order, null, null, null, 1, 0));

        TokensGranted granted = read(single(upcast(entry(stored, null))));

        assertThat(granted.source()).isEqualTo(GrantSource.PURCHASE);
        assertThat(granted.orderId()).isEqualTo(order);
    }

    @Test
    void aPurchaseWhoseReasonNamesNoOrderKeepsItsSourceWithoutAnOrder() throws Exception {
        byte[] stored = revisionOne(new TokensGrantedRevision1Shape(OWNER, UUID.randomUUID(), 1, TokenCategory.PAID,
                "token purchase", null, null, null, 1, 0));

        TokensGranted granted = read(single(upcast(entry(stored, "1"))));

        assertThat(granted.source()).isEqualTo(GrantSource.PURCHASE);
        assertThat(granted.orderId()).isNull();
    }

    @Test
    void revisionTwoAndOtherEventsPassUnchanged() throws Exception {
        UUID order = UUID.randomUUID();
        TokensGranted current = new TokensGranted(OWNER, UUID.randomUUID(), 3, TokenCategory.PAID, "test",
                null, ADMIN, null, 3, 0, GrantSource.MANUAL, order);
        SerializedObject<byte[]> serialized = serializer.serialize(current, byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo("2");

        GenericDomainEventEntry<byte[]> revisionTwo = entry(serialized.getData(), "2");
        IntermediateEventRepresentation passed = single(upcast(revisionTwo));
        assertThat(passed.getType().getRevision()).isEqualTo("2");
        TokensGranted readBack = read(passed);
        assertThat(readBack).isEqualTo(current); // an order on a MANUAL grant is not "corrected" either

        SerializedObject<byte[]> opened = serializer.serialize(new TokenWalletOpened(OWNER), byte[].class);
        GenericDomainEventEntry<byte[]> other = new GenericDomainEventEntry<>("TokenWallet", WalletIds.of(OWNER), 0,
                UUID.randomUUID().toString(), Instant.now(), opened.getType().getName(), "1", opened.getData(),
                serializer.serialize(java.util.Map.of(), byte[].class).getData());
        IntermediateEventRepresentation untouched = single(upcast(other));
        assertThat(untouched.getType().getRevision()).isEqualTo("1");
        assertThat((Object) serializer.deserialize(untouched.getData())).isEqualTo(new TokenWalletOpened(OWNER));
    }

    @Test
    void theStoredBytesAreNeverChanged() throws Exception {
        UUID order = UUID.randomUUID();
        byte[] stored = revisionOne(new TokensGrantedRevision1Shape(OWNER, PaymentIds.grantOf(order), 5,
                TokenCategory.PAID, "token purchase, order " + order, null, null, null, 5, 0));
        byte[] copy = Arrays.copyOf(stored, stored.length);
        GenericDomainEventEntry<byte[]> entry = entry(stored, "1");

        read(single(upcast(entry)));
        read(single(upcast(entry)));

        assertThat(entry.getPayload().getData()).isEqualTo(copy);
        JsonNode json = mapper.readTree(entry.getPayload().getData());
        assertThat(json.has("source")).isFalse();
        assertThat(json.has("orderId")).isFalse();
    }

    private byte[] revisionOne(TokensGrantedRevision1Shape payload) throws Exception {
        return mapper.writeValueAsBytes(payload);
    }

    private GenericDomainEventEntry<byte[]> entry(byte[] payload, String revision) {
        return new GenericDomainEventEntry<>("TokenWallet", WalletIds.of(OWNER), 1, UUID.randomUUID().toString(),
                Instant.now(), TokensGranted.class.getName(), revision, payload,
                serializer.serialize(java.util.Map.of("userId", ADMIN.toString()), byte[].class).getData());
    }

    private List<IntermediateEventRepresentation> upcast(GenericDomainEventEntry<byte[]> entry) {
        return upcaster.upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
    }

    private static IntermediateEventRepresentation single(List<IntermediateEventRepresentation> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @SuppressWarnings("unchecked")
    private <T> T read(IntermediateEventRepresentation event) {
        SerializedObject<?> data = event.getData();
        return (T) serializer.deserialize(new SimpleSerializedObject<>(event.getData(byte[].class).getData(),
                byte[].class, data.getType()));
    }
}
