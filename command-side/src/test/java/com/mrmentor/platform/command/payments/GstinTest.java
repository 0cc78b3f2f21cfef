package com.mrmentor.platform.command.payments;

import com.mrmentor.platform.shared.payments.IndianStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class GstinTest {

    @ParameterizedTest
    @ValueSource(strings = {"27AAPFU0939F1ZV", "29AAGCB7383J1Z4"})
    void acceptsPublishedGstins(String gstin) {
        assertThat(Gstin.isValid(gstin)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "27AAPFU0939F1ZW", // wrong check character
            "27AAPFU0939F1Z", // short
            "27aapfu0939f1zv", // lower case
            "27AAPFU0939F0ZV", // entity number 0
            "27AAPFU0939F1YV", // 14th character not Z
            "2AAAPFU0939F1ZV", // state code not two digits
            ""})
    void refusesMalformedGstins(String gstin) {
        assertThat(Gstin.isValid(gstin)).isFalse();
    }

    @Test
    void everyChangedCharacterIsCaughtByTheCheckCharacter() {
        String valid = "29AAGCB7383J1Z4";
        for (int i = 2; i < 14; i++) {
            char original = valid.charAt(i);
            char other = Character.isDigit(original) ? (char) ('0' + (original - '0' + 1) % 10)
                    : (char) ('A' + (original - 'A' + 1) % 26);
            String changed = valid.substring(0, i) + other + valid.substring(i + 1);
            if (i != 13 && !(i == 12 && other == '0')) {
                assertThat(Gstin.isValid(changed)).as("changed at %d: %s", i, changed).isFalse();
            }
        }
    }

    @Test
    void knowsTheStateOfRegistration() {
        assertThat(Gstin.stateCode("29AAGCB7383J1Z4")).isEqualTo("29");
        assertThat(IndianStates.gstCode("KA")).contains("29");
        assertThat(IndianStates.gstCode("MH")).contains("27");
        assertThat(IndianStates.count()).isEqualTo(36);
        assertThat(IndianStates.isValid("XX")).isFalse();
        assertThat(IndianStates.isValid("ka")).isFalse();
    }
}
