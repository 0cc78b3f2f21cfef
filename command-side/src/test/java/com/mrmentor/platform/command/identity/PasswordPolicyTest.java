package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.shared.common.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Length, not-the-e-mail and the common-password list, with the default policy (at least 10 characters). */
class PasswordPolicyTest {

    private static final String EMAIL = "Ada.Lovelace@Example.com";
    private static final String FIELD = "password";

    private final PasswordPolicy policy = new PasswordPolicy(IdentityPolicy.defaults());

    @Test
    void goodPasswordPasses() {
        assertThatCode(() -> policy.check("correct horse battery staple", EMAIL, FIELD)).doesNotThrowAnyException();
    }

    @Test
    void passwordOfExactlyTenCharactersPasses() {
        assertThatCode(() -> policy.check("violet-owl", EMAIL, FIELD)).doesNotThrowAnyException();
    }

    @Test
    void passwordOfNineCharactersIsRefused() {
        assertWeak("violet-ow", "password must be at least 10 characters long");
    }

    @Test
    void missingPasswordIsRefused() {
        assertWeak(null, "password must be at least 10 characters long");
    }

    @Test
    void passwordOfExactly72BytesPasses() {
        String password = "correct horse battery staple ".repeat(5).substring(0, 72);
        assertThatCode(() -> policy.check(password, EMAIL, FIELD)).doesNotThrowAnyException();
    }

    @Test
    void passwordOfMoreThan72BytesIsRefusedBecauseBCryptWouldIgnoreTheRest() {
        String password = "correct horse battery staple ".repeat(5).substring(0, 73);
        assertWeak(password, "password must be at most 72 bytes long (72 ASCII characters)");
    }

    @Test
    void theByteLimitCountsMultiByteCharacters() {
        String password = "पासवर्ड-".repeat(4); // 8 characters of up to 3 bytes each, 4 times: over 72 bytes
        assertWeak(password, "password must be at most 72 bytes long (72 ASCII characters)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada.lovelace@example.com", "ADA.LOVELACE@EXAMPLE.COM", "Ada.Lovelace@Example.com"})
    void theEmailItselfIsRefusedWhateverItsCase(String password) {
        assertWeak(password, "password must not be your e-mail address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada.lovelace", "ADA.LOVELACE", "Ada.Lovelace"})
    void theEmailsLocalPartIsRefusedWhateverItsCase(String password) {
        assertWeak(password, "password must not be your e-mail address");
    }

    @Test
    void passwordMerelyContainingTheLocalPartPasses() {
        assertThatCode(() -> policy.check("ada.lovelace wrote the first program", EMAIL, FIELD))
                .doesNotThrowAnyException();
    }

    @Test
    void withoutAnEmailOnlyLengthAndTheListApply() {
        assertThatCode(() -> policy.check("ada.lovelace@example.com", null, FIELD)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"qwertyuiop", "QwertyUiop", "password123", "PASSWORD123", "mentorplatform"})
    void commonPasswordIsRefusedWhateverItsCase(String password) {
        assertWeak(password, "password is one of the most common passwords; choose another");
    }

    @ParameterizedTest
    @MethodSource("listedPasswordsOfAcceptableLength")
    void everyListedPasswordOfAcceptableLengthIsRefused(String password) {
        assertWeak(password, "password is one of the most common passwords; choose another");
    }

    @Test
    void theProblemNamesTheField() {
        assertThatThrownBy(() -> policy.check("short", EMAIL, "newPassword"))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("newPassword must be at least 10 characters long");
    }

    private void assertWeak(String password, String message) {
        assertThatThrownBy(() -> policy.check(password, EMAIL, FIELD))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("weak-password");
                    assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.UNPROCESSABLE);
                })
                .hasMessage(message);
    }

    /** The entries of the shipped list that the length rules alone would let through. */
    static Stream<String> listedPasswordsOfAcceptableLength() throws IOException {
        try (InputStream in = PasswordPolicyTest.class.getResourceAsStream("/identity/common-passwords.txt")) {
            assertThat(in).as("identity/common-passwords.txt on the classpath").isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .filter(line -> line.length() >= 10 && line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= PasswordPolicy.MAX_BYTES)
                    .map(line -> line.toUpperCase(Locale.ROOT))
                    .toList()
                    .stream();
        }
    }
}
