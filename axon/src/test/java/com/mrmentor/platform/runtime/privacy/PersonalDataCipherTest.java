package com.mrmentor.platform.runtime.privacy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One personal field sealed with its person's key, and opened again; anything altered fails loudly. */
class PersonalDataCipherTest {

    private static HikariDataSource database;
    private static PersonalDataCipher cipher;

    @BeforeAll
    static void migrate() {
        database = PrivacyTestSupport.migratedDatabase();
        cipher = new PersonalDataCipher(PrivacyTestSupport.vault(database));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aSealedValueNamesItsSubjectHidesThePlaintextAndOpensToIt() {
        UUID subject = UUID.randomUUID();

        String sealed = cipher.seal(subject, "Nguyễn Thị Hà");

        assertThat(sealed).startsWith("pii:v1:" + subject + ":").doesNotContain("Nguy");
        assertThat(PersonalDataCipher.isSealed(sealed)).isTrue();
        assertThat(cipher.open(sealed)).isEqualTo("Nguyễn Thị Hà");
    }

    @Test
    void sealingTheSameValueTwiceGivesDifferentCiphertexts() {
        UUID subject = UUID.randomUUID();

        assertThat(cipher.seal(subject, "alice@example.com")).isNotEqualTo(cipher.seal(subject, "alice@example.com"));
    }

    @Test
    void nullStaysNullAndValuesWrittenBeforeEncryptionReadAsTheyAre() {
        assertThat(cipher.seal(UUID.randomUUID(), null)).isNull();
        assertThat(cipher.open(null)).isNull();
        assertThat(cipher.open("alice@example.com")).isEqualTo("alice@example.com");
        assertThat(cipher.open("[erased]")).isEqualTo("[erased]");
        assertThat(PersonalDataCipher.isSealed("alice@example.com")).isFalse();
    }

    @Test
    void anAlteredCiphertextIsRefused() {
        String sealed = cipher.seal(UUID.randomUUID(), "alice@example.com");
        int inCiphertext = sealed.length() - 20;
        char flipped = sealed.charAt(inCiphertext) == 'A' ? 'B' : 'A';
        String altered = sealed.substring(0, inCiphertext) + flipped + sealed.substring(inCiphertext + 1);

        assertThat(PersonalDataCipher.isSealed(altered)).isTrue();
        assertThatThrownBy(() -> cipher.open(altered))
                .isInstanceOf(UnreadablePersonalDataException.class)
                .hasMessageContaining("altered");
    }

    @Test
    void aCiphertextMovedToAnotherPersonIsRefused() {
        UUID alice = UUID.randomUUID();
        UUID mallory = UUID.randomUUID();
        cipher.seal(mallory, "mallory@example.com");
        String alicesEmail = cipher.seal(alice, "alice@example.com");

        String claimedByMallory = alicesEmail.replace(alice.toString(), mallory.toString());

        assertThatThrownBy(() -> cipher.open(claimedByMallory)).isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void aTruncatedOrMangledSealedValueIsRefusedRatherThanShown() {
        String sealed = cipher.seal(UUID.randomUUID(), "alice@example.com");

        assertThatThrownBy(() -> cipher.open(sealed.substring(0, 60)))
                .isInstanceOf(UnreadablePersonalDataException.class);
        assertThatThrownBy(() -> cipher.open(sealed + "!"))
                .isInstanceOf(UnreadablePersonalDataException.class);
        assertThatThrownBy(() -> cipher.open("pii:v1:not-a-subject"))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void aValueSealedForSomeoneThisKeyStoreNeverKnewIsRefused() {
        PersonalDataCipher elsewhere;
        try (HikariDataSource otherDatabase = PrivacyTestSupport.migratedDatabase()) {
            elsewhere = new PersonalDataCipher(PrivacyTestSupport.vault(otherDatabase));
            String sealedElsewhere = elsewhere.seal(UUID.randomUUID(), "alice@example.com");

            assertThatThrownBy(() -> cipher.open(sealedElsewhere))
                    .isInstanceOf(UnreadablePersonalDataException.class)
                    .hasMessageContaining("personal_data_key");
        }
    }
}
