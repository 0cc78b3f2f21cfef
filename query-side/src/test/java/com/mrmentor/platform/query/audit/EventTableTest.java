package com.mrmentor.platform.query.audit;

import com.mrmentor.platform.shared.common.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EventTableTest {

    @Test
    void theTableIsTheStoreWhileTheAxonServerConnectorIsOff() {
        EventTable table = new EventTable(new MockEnvironment().withProperty("axon.axonserver.enabled", "false"));

        assertThat(table.readable()).isTrue();
        assertThatCode(() -> table.require("The audit chain")).doesNotThrowAnyException();
    }

    @Test
    void withAxonServerAsTheEventStoreReadersOfTheTableRefuseWithAClearReason() {
        EventTable table = new EventTable(new MockEnvironment().withProperty("axon.axonserver.enabled", "true"));

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> table.require("The audit chain"));

        assertThat(table.readable()).isFalse();
        assertThat(refused.code()).isEqualTo("needs-jdbc-event-store");
        assertThat(refused.kind()).isEqualTo(RuleViolation.Kind.UNAVAILABLE);
        assertThat(refused.getMessage()).startsWith("The audit chain reads the PostgreSQL event table")
                .contains("Axon Server");
    }

    @Test
    void axonServerWithItsEventStoreOffLeavesTheEventsInTheTable() {
        EventTable table = new EventTable(new MockEnvironment().withProperty("axon.axonserver.enabled", "true")
                .withProperty("axon.axonserver.event-store.enabled", "false"));

        assertThat(table.readable()).isTrue();
    }
}
