package com.mrmentor.platform.saga.tokens;

import com.mrmentor.platform.shared.common.MetadataKeys;
import com.mrmentor.platform.shared.tokens.LapseTokenGrant;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokenGrantApproved;
import com.mrmentor.platform.shared.tokens.TokenGrantLapsed;
import com.mrmentor.platform.shared.tokens.TokenGrantRejected;
import com.mrmentor.platform.shared.tokens.TokenGrantRequested;
import com.mrmentor.platform.shared.tokens.WalletIds;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.hamcrest.Matchers.equalTo;

class TokenGrantApprovalSagaTest {

    private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    private static final Duration TIMEOUT = Duration.ofDays(7);

    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
    private static final UUID APPROVER = UUID.fromString("00000000-0000-0000-0000-0000000000ab");
    private static final UUID GRANT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID OTHER_GRANT = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final String WALLET = WalletIds.of(USER);

    private SagaTestFixture<TokenGrantApprovalSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(TokenGrantApprovalSaga.class);
    }

    @Test
    void requestStartsASagaAndSchedulesTheLapse() {
        fixture.givenCurrentTime(NOW)
               .whenAggregate(WALLET).publishes(requested(GRANT))
               .expectActiveSagas(1)
               .expectAssociationWith("grantId", GRANT)
               .expectScheduledDeadlineWithName(NOW.plus(TIMEOUT), TokenGrantApprovalSaga.LAPSE_DEADLINE)
               .expectNoDispatchedCommands();
    }

    @Test
    void approvalEndsTheSagaAndCancelsTheLapse() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(WALLET).published(requested(GRANT))
               .whenAggregate(WALLET).publishes(new TokenGrantApproved(USER, GRANT, APPROVER))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines()
               .expectNoDispatchedCommands();
    }

    @Test
    void rejectionEndsTheSagaAndCancelsTheLapse() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(WALLET).published(requested(GRANT))
               .whenAggregate(WALLET).publishes(new TokenGrantRejected(USER, GRANT, APPROVER, "too generous"))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines()
               .expectNoDispatchedCommands();
    }

    @Test
    void decisionOnAnotherGrantLeavesTheSagaWaiting() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(WALLET).published(requested(GRANT), requested(OTHER_GRANT))
               .whenAggregate(WALLET).publishes(new TokenGrantApproved(USER, OTHER_GRANT, APPROVER))
               .expectActiveSagas(1)
               .expectAssociationWith("grantId", GRANT)
               .expectScheduledDeadlineWithName(NOW.plus(TIMEOUT), TokenGrantApprovalSaga.LAPSE_DEADLINE);
    }

    @Test
    void undecidedRequestLapsesAfterTheTimeout() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(WALLET).published(requested(GRANT))
               .whenTimeElapses(TIMEOUT)
               .expectTriggeredDeadlinesWithName(TokenGrantApprovalSaga.LAPSE_DEADLINE)
               .expectDispatchedCommands(new LapseTokenGrant(USER, GRANT))
               .expectDispatchedCommandsMatching(exactSequenceOf(sentBySystem()))
               // the saga waits for the wallet's TokenGrantLapsed before it ends
               .expectActiveSagas(1);
    }

    @Test
    void nothingIsDispatchedBeforeTheTimeout() {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(WALLET).published(requested(GRANT))
               .whenTimeElapses(TIMEOUT.minusSeconds(1))
               .expectNoDispatchedCommands()
               .expectActiveSagas(1)
               .expectScheduledDeadlineWithName(NOW.plus(TIMEOUT), TokenGrantApprovalSaga.LAPSE_DEADLINE);
    }

    @Test
    void lapseEndsTheSaga() throws Exception {
        fixture.givenCurrentTime(NOW)
               .andThenAggregate(WALLET).published(requested(GRANT))
               .andThenTimeElapses(TIMEOUT)
               .whenAggregate(WALLET).publishes(new TokenGrantLapsed(USER, GRANT))
               .expectActiveSagas(0)
               .expectNoScheduledDeadlines()
               .expectNoDispatchedCommands();
    }

    private static TokenGrantRequested requested(UUID grantId) {
        return new TokenGrantRequested(USER, grantId, 500, TokenCategory.PAID, "campaign", null, ADMIN, 100,
                NOW.plus(TIMEOUT));
    }

    private static Matcher<CommandMessage<?>> sentBySystem() {
        return new FeatureMatcher<CommandMessage<?>, Object>(equalTo(MetadataKeys.SYSTEM_ACTOR),
                                                             "a command whose userId metadata is", "userId") {
            @Override
            protected Object featureValueOf(CommandMessage<?> actual) {
                return actual.getMetaData().get(MetadataKeys.USER_ID);
            }
        };
    }
}
