package com.mrmentor.platform.command.crm;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working-hours arithmetic of the first-contact deadline, and contact normalisation. */
class CrmPolicyTest {

    private final CrmPolicy policy = CrmPolicy.defaults(); // 09:00–19:00 Asia/Kolkata, Monday to Saturday

    @Test
    void withinWorkingHoursFirstContactIsDueFifteenMinutesLater() {
        // Tuesday 10:00 IST
        assertThat(policy.firstContactDue(Instant.parse("2026-03-10T04:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-10T04:45:00Z"));
    }

    @Test
    void theClockStopsAtTheEndOfTheDayAndRunsOnTheNextWorkingMorning() {
        // Tuesday 18:50 IST: 10 minutes today, 5 tomorrow from 09:00
        assertThat(policy.firstContactDue(Instant.parse("2026-03-10T13:20:00Z")))
                .isEqualTo(Instant.parse("2026-03-11T03:35:00Z"));
        // Saturday 22:00 IST: Sunday is off, Monday 09:15
        assertThat(policy.firstContactDue(Instant.parse("2026-03-14T16:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-16T03:45:00Z"));
        // Tuesday 07:00 IST: from the opening
        assertThat(policy.firstContactDue(Instant.parse("2026-03-10T01:30:00Z")))
                .isEqualTo(Instant.parse("2026-03-10T03:45:00Z"));
    }

    @Test
    void phonesBecomeE164AndEmailsLowerCase() {
        assertThat(Contacts.phone("98765 43210", "91")).isEqualTo("+919876543210");
        assertThat(Contacts.phone("+91-98765-43210", "91")).isEqualTo("+919876543210");
        assertThat(Contacts.phone("09876543210", "91")).isEqualTo("+919876543210");
        assertThat(Contacts.phone("919876543210", "91")).isEqualTo("+919876543210");
        assertThat(Contacts.phone("0091 98765 43210", "91")).isEqualTo("+919876543210");
        assertThat(Contacts.phone("+44 20 7946 0958", "91")).isEqualTo("+442079460958");
        assertThat(Contacts.phone(" ", "91")).isNull();
        assertThatThrownBy(() -> Contacts.phone("12345", "91")).hasMessageContaining("Indian mobile");
        assertThatThrownBy(() -> Contacts.phone("98x65", "91")).hasMessageContaining("digits");
        assertThat(Contacts.email(" Asha@Example.COM ")).isEqualTo("asha@example.com");
        assertThatThrownBy(() -> Contacts.email("asha")).hasMessageContaining("e-mail");
    }
}
