package com.mrmentor.platform.runtime.privacy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mrmentor.platform.runtime.messaging.AxonSerializationConfig;
import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import com.mrmentor.platform.shared.common.Platform;
import com.mrmentor.platform.shared.identity.AccountRegistered;
import com.mrmentor.platform.shared.identity.AccountRolesChanged;
import com.mrmentor.platform.shared.identity.InvitationIssued;
import com.mrmentor.platform.shared.identity.PersonalDataErased;
import com.mrmentor.platform.shared.identity.ProfileCompleted;
import com.mrmentor.platform.shared.identity.RegistrationMethod;
import com.mrmentor.platform.shared.identity.Role;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokenGrantRequested;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Events through Axon's real storage serializer: personal components are stored sealed and read back in clear until
 * their person is erased; everything else is stored exactly as without encryption.
 */
class PersonalDataJacksonModuleTest {

    private static final Instant REGISTERED_AT = Instant.parse("2026-11-02T09:15:30Z");

    private static HikariDataSource database;
    private static PersonalDataVault vault;
    private static Serializer storage;
    private static Serializer withoutEncryption;
    private static ObjectMapper json;

    @BeforeAll
    static void setUp() {
        database = PrivacyTestSupport.migratedDatabase();
        vault = PrivacyTestSupport.vault(database);
        RevisionResolver revisions = new AnnotationRevisionResolver();
        storage = new AxonSerializationConfig().serializer(revisions, new PersonalDataCipher(vault));
        json = JsonMapper.builder()
                .findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        withoutEncryption = JacksonSerializer.builder().objectMapper(json).revisionResolver(revisions).build();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aStoredRegistrationHoldsNeitherEmailNorNameButEverythingElseAsItWas() throws Exception {
        AccountRegistered event = registration(UUID.randomUUID());

        SerializedObject<byte[]> stored = storage.serialize(event, byte[].class);

        String text = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("alice@example.com").doesNotContain("Alice Nguyen");
        ObjectNode sealed = (ObjectNode) json.readTree(stored.getData());
        ObjectNode plain = (ObjectNode) json.readTree(withoutEncryption.serialize(event, byte[].class).getData());
        assertThat(sealed.get("email").asText()).startsWith("pii:v1:" + event.userId() + ":");
        assertThat(sealed.get("name").asText()).startsWith("pii:v1:" + event.userId() + ":");
        sealed.remove(Set.of("email", "name"));
        plain.remove(Set.of("email", "name"));
        assertThat(sealed).isEqualTo(plain);
        assertThat(text).contains("\"registeredAt\":\"2026-11-02T09:15:30Z\"").contains("\"method\":\"SIGNUP\"");
        assertThat(stored.getType().getRevision()).isEqualTo("1");

        assertThat((Object) storage.deserialize(stored)).isEqualTo(event);
    }

    @Test
    void afterErasureTheSameStoredEventReadsErasedPersonalDataAndIntactFacts() {
        AccountRegistered event = registration(UUID.randomUUID());
        SerializedObject<byte[]> stored = storage.serialize(event, byte[].class);

        vault.erase(event.userId());

        AccountRegistered read = storage.deserialize(stored);
        assertThat(read.email()).isEqualTo(PersonalData.ERASED);
        assertThat(read.name()).isEqualTo(PersonalData.ERASED);
        assertThat(read).isEqualTo(new AccountRegistered(event.userId(), PersonalData.ERASED, PersonalData.ERASED,
                event.emailIndex(), event.roles(), event.platforms(), event.method(), event.hasPassword(),
                event.registeredAt()));
    }

    @Test
    void eventsWithoutPersonalDataAreStoredByteForByteAsWithoutEncryption() {
        UUID userId = UUID.randomUUID();
        for (Object event : new Object[]{
                new AccountRolesChanged(userId, Set.of(Role.MENTOR), Set.of(Role.STUDENT), "promoted"),
                new PersonalDataErased(userId, "pii:v1:" + userId + ":looks-sealed-but-is-a-reason", REGISTERED_AT),
                new TokenGrantRequested(userId, UUID.randomUUID(), 500, TokenCategory.PAID, "bulk purchase",
                        REGISTERED_AT.plusSeconds(86_400), UUID.randomUUID(), 100, REGISTERED_AT.plusSeconds(3_600))}) {
            assertThat(storage.serialize(event, byte[].class).getData())
                    .isEqualTo(withoutEncryption.serialize(event, byte[].class).getData());
            assertThat((Object) storage.deserialize(storage.serialize(event, byte[].class))).isEqualTo(event);
        }
    }

    @Test
    void anInvitationIsSealedForTheInviteeNotForTheInvitation() throws Exception {
        UUID invitee = UUID.randomUUID();
        InvitationIssued event = new InvitationIssued(UUID.randomUUID(), invitee, "bob@example.com", "index",
                Role.MENTOR, Set.of(Platform.MAS), UUID.randomUUID(), REGISTERED_AT);

        SerializedObject<byte[]> stored = storage.serialize(event, byte[].class);

        assertThat(json.readTree(stored.getData()).get("email").asText()).startsWith("pii:v1:" + invitee + ":");
        assertThat((Object) storage.deserialize(stored)).isEqualTo(event);
    }

    @Test
    void aMissingPersonalFieldStaysNullAndOrdinaryFieldsAreNeverDecrypted() throws Exception {
        UUID userId = UUID.randomUUID();
        String someonesSealedName = new PersonalDataCipher(vault).seal(UUID.randomUUID(), "Carol");
        ProfileCompleted event = new ProfileCompleted(userId, "Alice", "+84 90 123 4567", someonesSealedName,
                "pii:v1:garbage", null, REGISTERED_AT);

        SerializedObject<byte[]> stored = storage.serialize(event, byte[].class);

        assertThat(json.readTree(stored.getData()).get("photoUrl").isNull()).isTrue();
        ProfileCompleted read = storage.deserialize(stored);
        assertThat(read).isEqualTo(event);
        assertThat(read.profession()).isEqualTo(someonesSealedName);
    }

    @Test
    void aStoredEventWhosePersonalFieldWasAlteredFailsToLoad() throws Exception {
        AccountRegistered event = registration(UUID.randomUUID());
        SerializedObject<byte[]> stored = storage.serialize(event, byte[].class);
        ObjectNode tree = (ObjectNode) json.readTree(stored.getData());
        String email = tree.get("email").asText();
        int inCiphertext = email.length() - 20;
        tree.put("email", email.substring(0, inCiphertext) + (email.charAt(inCiphertext) == 'A' ? 'B' : 'A')
                + email.substring(inCiphertext + 1));
        SerializedObject<byte[]> altered = new SimpleSerializedObject<>(json.writeValueAsBytes(tree), byte[].class,
                stored.getType());

        assertThatThrownBy(() -> storage.deserialize(altered))
                .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(UnreadablePersonalDataException.class));
    }

    @Test
    void personalDataWithoutADataSubjectIsRefusedNamingTheClass() {
        assertThatThrownBy(() -> storage.serialize(new Orphan("alice@example.com"), byte[].class))
                .satisfies(e -> assertThat(causes(e)).anySatisfy(cause -> assertThat(cause)
                        .hasMessageContaining(Orphan.class.getName())
                        .hasMessageContaining("@DataSubject")));
    }

    @Test
    void personalDataThatIsNotTextIsRefused() {
        assertThatThrownBy(() -> storage.serialize(new Pin(UUID.randomUUID(), 1234), byte[].class))
                .satisfies(e -> assertThat(causes(e)).anySatisfy(cause -> assertThat(cause)
                        .hasMessageContaining("must be a String")));
    }

    @Test
    void aClassWithAnnotatedFieldsIsSealedToo() throws Exception {
        Snapshot snapshot = new Snapshot();
        snapshot.userId = UUID.randomUUID();
        snapshot.email = "alice@example.com";
        snapshot.sessions = 3;

        SerializedObject<byte[]> stored = storage.serialize(snapshot, byte[].class);

        assertThat(json.readTree(stored.getData()).get("email").asText()).startsWith("pii:v1:" + snapshot.userId);
        Snapshot read = storage.deserialize(stored);
        assertThat(read.email).isEqualTo("alice@example.com");
        assertThat(read.sessions).isEqualTo(3);
    }

    @Test
    void theHttpMapperOfSpringBootNeverSeals() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withUserConfiguration(AxonSerializationConfig.class)
                .withBean(RevisionResolver.class, AnnotationRevisionResolver::new)
                .withBean(PersonalDataCipher.class, () -> new PersonalDataCipher(vault))
                .run(context -> {
                    AccountRegistered event = registration(UUID.randomUUID());
                    String http = context.getBean(ObjectMapper.class).writeValueAsString(event);
                    byte[] stored = context.getBean(Serializer.class).serialize(event, byte[].class).getData();

                    assertThat(http).contains("alice@example.com");
                    assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("alice@example.com");
                });
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static AccountRegistered registration(UUID userId) {
        return new AccountRegistered(userId, "alice@example.com", "Alice Nguyen", "index-of-alice",
                Set.of(Role.STUDENT), Set.of(Platform.MR_MENTOR), RegistrationMethod.SIGNUP, true, REGISTERED_AT);
    }

    record Orphan(@PersonalData String email) {
    }

    record Pin(@DataSubject UUID userId, @PersonalData Integer pin) {
    }

    static class Snapshot {
        @DataSubject
        public UUID userId;
        @PersonalData
        public String email;
        public int sessions;
    }
}
