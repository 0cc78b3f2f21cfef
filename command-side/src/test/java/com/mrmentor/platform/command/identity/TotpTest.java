package com.mrmentor.platform.command.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Authenticator-app codes: the RFC 6238 vectors, the drift window, replay protection and the enrolment URI. */
class TotpTest {

    /** RFC 6238 appendix B: the SHA1 key is the ASCII string "12345678901234567890". */
    private static final String RFC_SECRET =
            Totp.base32Encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:10Z");

    private final String secret = Totp.newSecret();

    @ParameterizedTest(name = "T={0}s gives {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void codesAreTheLastSixDigitsOfTheRfc6238Sha1Vectors(long seconds, String eightDigits) {
        assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(seconds))).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void theRfcSecretHasItsWellKnownBase32Form() {
        assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    @Test
    void theCurrentCodeIsAcceptedAndItsStepReturned() {
        OptionalLong step = Totp.verify(secret, Totp.codeAt(secret, NOW), NOW, -1);

        assertThat(step).hasValue(Totp.stepAt(NOW));
    }

    @Test
    void aCodeOneStepEitherSideIsAccepted() {
        String previous = Totp.codeAt(secret, NOW.minusSeconds(30));
        String next = Totp.codeAt(secret, NOW.plusSeconds(30));

        assertThat(Totp.verify(secret, previous, NOW, -1)).hasValue(Totp.stepAt(NOW) - 1);
        assertThat(Totp.verify(secret, next, NOW, -1)).hasValue(Totp.stepAt(NOW) + 1);
    }

    @Test
    void aCodeTwoStepsAwayIsRefused() {
        String tooOld = Totp.codeAt(secret, NOW.minusSeconds(60));
        String tooNew = Totp.codeAt(secret, NOW.plusSeconds(60));
        String current = Totp.codeAt(secret, NOW);
        // a random secret may, rarely, give the same code for two steps; then the test would prove nothing
        assumeTrue(!tooOld.equals(current) && !tooNew.equals(current)
                && !tooOld.equals(Totp.codeAt(secret, NOW.minusSeconds(30)))
                && !tooNew.equals(Totp.codeAt(secret, NOW.plusSeconds(30))));

        assertThat(Totp.verify(secret, tooOld, NOW, -1)).isEmpty();
        assertThat(Totp.verify(secret, tooNew, NOW, -1)).isEmpty();
    }

    @Test
    void anAcceptedStepCannotBeUsedAgain() {
        String code = Totp.codeAt(secret, NOW);
        long used = Totp.verify(secret, code, NOW, -1).orElseThrow();

        assertThat(Totp.verify(secret, code, NOW.plusSeconds(5), used)).isEmpty();
    }

    @Test
    void aCodeOlderThanTheLastUsedStepIsRefusedEvenInsideTheWindow() {
        String previous = Totp.codeAt(secret, NOW.minusSeconds(30));

        assertThat(Totp.verify(secret, previous, NOW, Totp.stepAt(NOW))).isEmpty();
    }

    @Test
    void theNextStepIsAcceptedAfterTheCurrentOneWasUsed() {
        long used = Totp.verify(secret, Totp.codeAt(secret, NOW), NOW, -1).orElseThrow();
        Instant later = NOW.plusSeconds(30);

        assertThat(Totp.verify(secret, Totp.codeAt(secret, later), later, used)).hasValue(used + 1);
    }

    @Test
    void aWrongCodeIsRefused() {
        String code = Totp.codeAt(secret, NOW);
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        assumeTrue(
                !wrong.equals(Totp.codeAt(secret, NOW.minusSeconds(30)))
                        && !wrong.equals(Totp.codeAt(secret, NOW.plusSeconds(30))));

        assertThat(Totp.verify(secret, wrong, NOW, -1)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345", "1234567", "12345a", "12 345", " 123456", "１２３４５６", "-12345", "+12345"})
    void malformedCodesAreRefused(String code) {
        assertThat(Totp.verify(secret, code, NOW, -1)).isEmpty();
    }

    @Test
    void malformedInputIsRefusedEvenWhenItsDigitsWouldMatch() {
        String code = Totp.codeAt(secret, NOW);

        assertThat(Totp.verify(secret, " " + code, NOW, -1)).isEmpty();
        assertThat(Totp.verify(secret, code + "0", NOW, -1)).isEmpty();
    }

    @Test
    void newSecretsAreTwentyRandomBytesInBase32WithoutPadding() {
        String other = Totp.newSecret();

        assertThat(secret).hasSize(32).matches("[A-Z2-7]+").isNotEqualTo(other);
        assertThat(Totp.base32Decode(secret)).hasSize(20);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 19, 20, 21})
    void base32RoundTrips(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 37 + 200);
        }

        assertThat(Totp.base32Decode(Totp.base32Encode(data))).isEqualTo(data);
    }

    @Test
    void base32MatchesTheRfc4648Vectors() {
        assertThat(Totp.base32Encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32Encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(new String(Totp.base32Decode("MZXW6YQ="), StandardCharsets.US_ASCII)).isEqualTo("foob");
        assertThat(new String(Totp.base32Decode("mzxw 6ytb-oi"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
    }

    @Test
    void base32RefusesCharactersOutsideTheAlphabet() {
        assertThatThrownBy(() -> Totp.base32Decode("MZXW1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOtpauthUriNamesIssuerAccountSecretAndParameters() {
        String uri = Totp.otpauthUri("Mentor Platform", "asha+mfa@example.com", "JBSWY3DPEHPK3PXP");

        assertThat(uri).isEqualTo("otpauth://totp/Mentor%20Platform:asha%2Bmfa%40example.com"
                + "?secret=JBSWY3DPEHPK3PXP&issuer=Mentor%20Platform&algorithm=SHA1&digits=6&period=30");
        URI parsed = URI.create(uri);
        assertThat(parsed.getScheme()).isEqualTo("otpauth");
        assertThat(parsed.getHost()).isEqualTo("totp");
        assertThat(parsed.getPath()).isEqualTo("/Mentor Platform:asha+mfa@example.com");
    }

    @Test
    void theOtpauthUriEncodesCharactersThatWouldBreakItsStructure() {
        String uri = Totp.otpauthUri("A&B", "x:y?z", "JBSWY3DPEHPK3PXP");

        assertThat(uri).startsWith("otpauth://totp/A%26B:x%3Ay%3Fz?secret=").contains("&issuer=A%26B&");
    }
}
