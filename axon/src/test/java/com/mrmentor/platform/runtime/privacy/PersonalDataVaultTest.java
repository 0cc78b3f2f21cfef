package com.mrmentor.platform.runtime.privacy;

import com.mrmentor.platform.shared.common.PersonalData;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-person keys in {@code personal_data_key}: made once, shared by every node, gone for good once erased. */
class PersonalDataVaultTest {

    private static HikariDataSource database;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        database = PrivacyTestSupport.migratedDatabase();
        jdbc = new JdbcTemplate(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aPersonGetsOneKeyStoredOnlyWrappedAndEveryNodeUsesIt() {
        UUID subject = UUID.randomUUID();

        SecretKey first = PrivacyTestSupport.vault(database).keyFor(subject).orElseThrow();
        SecretKey onAnotherNode = PrivacyTestSupport.vault(database).keyFor(subject).orElseThrow();

        assertThat(onAnotherNode.getEncoded()).isEqualTo(first.getEncoded());
        assertThat(first.getEncoded()).hasSize(32);
        byte[] stored = jdbc.queryForObject("SELECT wrapped_key FROM personal_data_key WHERE subject_id = ?",
                byte[].class, subject);
        assertThat(Base64.getEncoder().encodeToString(stored))
                .doesNotContain(Base64.getEncoder().encodeToString(first.getEncoded()));
        assertThat(rowsOf(subject)).isEqualTo(1);
    }

    @Test
    void afterErasureSealingWritesTheErasedMarkerAndNoNewKeyIsMade() {
        UUID subject = UUID.randomUUID();
        PersonalDataVault vault = PrivacyTestSupport.vault(database);
        vault.keyFor(subject);

        vault.erase(subject);

        assertThat(new PersonalDataCipher(vault).seal(subject, "alice@example.com")).isEqualTo(PersonalData.ERASED);
        PersonalDataVault freshNode = PrivacyTestSupport.vault(database);
        assertThat(new PersonalDataCipher(freshNode).seal(subject, "alice@example.com"))
                .isEqualTo(PersonalData.ERASED);
        assertThat(freshNode.keyFor(subject)).isEmpty();
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT wrapped_key, erased_at FROM personal_data_key WHERE subject_id = ?", subject);
        assertThat(row.get("wrapped_key")).isNull();
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(rowsOf(subject)).isEqualTo(1);
    }

    @Test
    void erasingSomeoneWhoNeverHadAKeyLeavesATombstoneSoThatNoneIsEverMade() {
        UUID subject = UUID.randomUUID();
        PersonalDataVault vault = PrivacyTestSupport.vault(database);

        vault.erase(subject);
        vault.erase(subject);

        assertThat(PrivacyTestSupport.vault(database).keyFor(subject)).isEmpty();
        assertThat(new PersonalDataCipher(vault).seal(subject, "Alice")).isEqualTo(PersonalData.ERASED);
        assertThat(rowsOf(subject)).isEqualTo(1);
    }

    @Test
    void erasingTwiceKeepsTheTimeOfTheFirstErasure() throws InterruptedException {
        UUID subject = UUID.randomUUID();
        PersonalDataVault vault = PrivacyTestSupport.vault(database);
        vault.keyFor(subject);
        vault.erase(subject);
        Object firstErasure = erasedAt(subject);
        Thread.sleep(5); // the vault reads the system clock: a second erasure would record a later time

        vault.erase(subject);

        assertThat(erasedAt(subject)).isEqualTo(firstErasure);
    }

    @Test
    void erasingOnePersonLeavesAnotherReadable() {
        PersonalDataVault vault = PrivacyTestSupport.vault(database);
        PersonalDataCipher cipher = new PersonalDataCipher(vault);
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String alicesEmail = cipher.seal(alice, "alice@example.com");
        String bobsEmail = cipher.seal(bob, "bob@example.com");
        assertThat(vault.keyFor(alice).orElseThrow().getEncoded())
                .isNotEqualTo(vault.keyFor(bob).orElseThrow().getEncoded());

        vault.erase(alice);

        assertThat(cipher.open(alicesEmail)).isEqualTo(PersonalData.ERASED);
        assertThat(cipher.open(bobsEmail)).isEqualTo("bob@example.com");
        assertThat(new PersonalDataCipher(PrivacyTestSupport.vault(database)).open(bobsEmail))
                .isEqualTo("bob@example.com");
    }

    @Test
    void eightNodesMakingTheSameNewPersonsKeyAtOnceAllEndWithTheSameKey() throws Exception {
        UUID subject = UUID.randomUUID();
        int nodes = 8;
        CyclicBarrier start = new CyclicBarrier(nodes);
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<byte[]>> keys = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                PersonalDataVault node = PrivacyTestSupport.vault(database);
                keys.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return node.keyFor(subject).orElseThrow().getEncoded();
                }));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<byte[]> key : keys) {
                distinct.add(Base64.getEncoder().encodeToString(key.get(30, TimeUnit.SECONDS)));
            }
            assertThat(distinct).hasSize(1);
            assertThat(rowsOf(subject)).isEqualTo(1);
            assertThat(distinct).containsExactly(Base64.getEncoder().encodeToString(
                    PrivacyTestSupport.vault(database).keyFor(subject).orElseThrow().getEncoded()));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anotherNodeStopsReadingAnErasedPersonWhenItsCachedKeyExpires() {
        UUID subject = UUID.randomUUID();
        AtomicLong clockOfNodeB = new AtomicLong();
        Duration ttl = Duration.ofSeconds(30);
        PersonalDataVault nodeA = PrivacyTestSupport.vault(database);
        PersonalDataVault nodeB = PrivacyTestSupport.vault(database, PrivacyTestSupport.MASTER_KEY, ttl,
                clockOfNodeB::get);
        String email = new PersonalDataCipher(nodeA).seal(subject, "alice@example.com");
        PersonalDataCipher readerOnB = new PersonalDataCipher(nodeB);
        assertThat(readerOnB.open(email)).isEqualTo("alice@example.com");

        nodeA.erase(subject);

        assertThat(new PersonalDataCipher(nodeA).open(email)).isEqualTo(PersonalData.ERASED);
        clockOfNodeB.addAndGet(ttl.toNanos() - 1);
        assertThat(readerOnB.open(email)).as("within the cache TTL").isEqualTo("alice@example.com");
        clockOfNodeB.addAndGet(1);
        assertThat(readerOnB.open(email)).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void keysStoredUnderAnotherMasterKeyDoNotOpenAndSaySo() {
        UUID subject = UUID.randomUUID();
        PrivacyTestSupport.vault(database).keyFor(subject);
        PersonalDataMasterKey otherMasterKey = new PersonalDataMasterKey(
                "another-master-key-of-at-least-32-bytes!".getBytes());
        PersonalDataVault misconfigured = PrivacyTestSupport.vault(database, otherMasterKey, Duration.ofSeconds(30),
                System::nanoTime);

        assertThatThrownBy(() -> misconfigured.existingKey(subject))
                .isInstanceOf(UnreadablePersonalDataException.class)
                .hasMessageContaining("PII_MASTER_KEY");
    }

    @Test
    void readingNeverMakesAKey() {
        UUID stranger = UUID.randomUUID();

        assertThatThrownBy(() -> PrivacyTestSupport.vault(database).existingKey(stranger))
                .isInstanceOf(UnreadablePersonalDataException.class);
        assertThat(rowsOf(stranger)).isZero();
        assertThat(PrivacyTestSupport.vault(database).keyFor(stranger)).map(SecretKey::getAlgorithm)
                .isEqualTo(Optional.of("AES"));
    }

    private static int rowsOf(UUID subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_key WHERE subject_id = ?", Integer.class,
                subject);
    }

    private static Object erasedAt(UUID subject) {
        return jdbc.queryForObject("SELECT erased_at FROM personal_data_key WHERE subject_id = ?", Object.class,
                subject);
    }
}
