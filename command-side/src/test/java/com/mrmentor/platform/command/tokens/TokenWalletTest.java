package com.mrmentor.platform.command.tokens;

import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.tokens.ApproveTokenGrant;
import com.mrmentor.platform.shared.tokens.CaptureTokenHold;
import com.mrmentor.platform.shared.tokens.ExtendTokenHold;
import com.mrmentor.platform.shared.tokens.GrantSource;
import com.mrmentor.platform.shared.tokens.HoldReleaseReason;
import com.mrmentor.platform.shared.tokens.LapseTokenGrant;
import com.mrmentor.platform.shared.tokens.LotAllocation;
import com.mrmentor.platform.shared.tokens.PlaceTokenHold;
import com.mrmentor.platform.shared.tokens.RejectTokenGrant;
import com.mrmentor.platform.shared.tokens.ReleaseTokenHold;
import com.mrmentor.platform.shared.tokens.RequestTokenGrant;
import com.mrmentor.platform.shared.tokens.RevokeTokenGrant;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokenGrantApproved;
import com.mrmentor.platform.shared.tokens.TokenGrantExpired;
import com.mrmentor.platform.shared.tokens.TokenGrantLapsed;
import com.mrmentor.platform.shared.tokens.TokenGrantRejected;
import com.mrmentor.platform.shared.tokens.TokenGrantRequested;
import com.mrmentor.platform.shared.tokens.TokenGrantRevoked;
import com.mrmentor.platform.shared.tokens.TokenGrantStatus;
import com.mrmentor.platform.shared.tokens.TokenHoldCaptured;
import com.mrmentor.platform.shared.tokens.TokenHoldExtended;
import com.mrmentor.platform.shared.tokens.TokenHoldReleased;
import com.mrmentor.platform.shared.tokens.TokenWalletOpened;
import com.mrmentor.platform.shared.tokens.TokensGranted;
import com.mrmentor.platform.shared.tokens.TokensHeld;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.mrmentor.platform.shared.tokens.TokenCategory.PAID;
import static com.mrmentor.platform.shared.tokens.TokenCategory.PROMOTIONAL;
import static org.hamcrest.Matchers.equalTo;

class TokenWalletTest {

    private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    private static final long THRESHOLD = 100;
    private static final Duration APPROVAL_TIMEOUT = Duration.ofDays(7);

    private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-0000000000ad");
    private static final UUID APPROVER = UUID.fromString("00000000-0000-0000-0000-0000000000ab");
    private static final UUID SPENDER = UUID.fromString("00000000-0000-0000-0000-00000000005e");

    private static final UUID G1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID G2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID G3 = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID H1 = UUID.fromString("00000000-0000-0000-0000-000000000101");
    private static final UUID H2 = UUID.fromString("00000000-0000-0000-0000-000000000102");

    private static final String REASON = "welcome bonus";
    private static final String BOOKING = "booking-42";

    private AggregateTestFixture<TokenWallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TokenWallet.class);
        fixture.registerInjectableResource(new TokenPolicy(THRESHOLD, APPROVAL_TIMEOUT));
        // the clock follows the fixture's time: a hold's expiry deadline checks the hold is due at the time it fires
        fixture.registerInjectableResource(new FixtureClock(() -> fixture.currentTime()));
        // Lot has identity equality only, so the fixture's check that the working aggregate equals the one
        // rebuilt from its events would always report the lots map as an "illegal state change".
        fixture.registerIgnoredField(TokenWallet.class, "lots");
    }

    // ---- grants --------------------------------------------------------------------------------------------------

    @Test
    void firstGrantOpensTheWalletAndCreditsTheTokens() {
        fixture.givenCurrentTime(NOW)
               .when(grant(G1, 50, PAID, null))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new TokenWalletOpened(USER), granted(G1, 50, PAID, null, 50, 0))
               .expectResultMessagePayload(TokenGrantStatus.GRANTED)
               .expectNoScheduledDeadlines();
    }

    @Test
    void smallGrantOnAnOpenWalletIsGrantedDirectly() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 30, PAID, null, 30, 0))
               .when(grant(G2, 20, PROMOTIONAL, null))
               .expectEvents(granted(G2, 20, PROMOTIONAL, null, 50, 0))
               .expectResultMessagePayload(TokenGrantStatus.GRANTED);
    }

    @Test
    void grantAboveThresholdWaitsForApproval() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened())
               .when(grant(G1, THRESHOLD + 1, PAID, null))
               .expectEvents(requested(G1, THRESHOLD + 1, null))
               .expectResultMessagePayload(TokenGrantStatus.PENDING_APPROVAL)
               .expectNoScheduledDeadlines();
    }

    @Test
    void firstGrantAboveThresholdOpensTheWalletAndWaitsForApproval() {
        fixture.givenCurrentTime(NOW)
               .when(grant(G1, 500, PAID, null))
               .expectEvents(new TokenWalletOpened(USER), requested(G1, 500, null))
               .expectResultMessagePayload(TokenGrantStatus.PENDING_APPROVAL);
    }

    @Test
    void grantOfExactlyTheThresholdIsGrantedDirectly() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened())
               .when(grant(G1, THRESHOLD, PAID, null))
               .expectEvents(granted(G1, THRESHOLD, PAID, null, THRESHOLD, 0))
               .expectResultMessagePayload(TokenGrantStatus.GRANTED);
    }

    @Test
    void grantOfZeroTokensIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened())
               .when(grant(G1, 0, PAID, null))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("invalid-amount"));
    }

    @Test
    void grantOfANegativeAmountIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened())
               .when(grant(G1, -5, PAID, null))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("invalid-amount"))
               .expectExceptionMessage("Amount must be a positive number of tokens, was -5");
    }

    @Test
    void invalidGrantOnABrandNewWalletDoesNotOpenIt() {
        fixture.givenCurrentTime(NOW)
               .when(grant(G1, 0, PAID, null))
               .expectNoEvents()
               .expectException(violation("invalid-amount"));
    }

    @Test
    void grantWithoutReasonIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened())
               .when(new RequestTokenGrant(USER, G1, 10, PAID, null, null, ADMIN))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("missing-reason"));
    }

    @Test
    void grantWithBlankReasonIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened())
               .when(new RequestTokenGrant(USER, G1, 10, PAID, "   ", null, ADMIN))
               .expectNoEvents()
               .expectException(violation("missing-reason"));
    }

    @Test
    void grantWithoutCategoryIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened())
               .when(new RequestTokenGrant(USER, G1, 10, null, REASON, null, ADMIN))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("missing-category"));
    }

    @Test
    void grantExpiringInThePastIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened())
               .when(grant(G1, 10, PAID, NOW.minusSeconds(1)))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("expiry-not-in-future"));
    }

    @Test
    void grantExpiringRightNowIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened())
               .when(grant(G1, 10, PAID, NOW))
               .expectNoEvents()
               .expectException(violation("expiry-not-in-future"));
    }

    @Test
    void grantWithAnExistingGrantIdIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 10, PAID, null, 10, 0))
               .when(grant(G1, 10, PAID, null))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("duplicate-grant"));
    }

    @Test
    void grantReusingTheIdOfAPendingRequestIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), requested(G1, 500, null))
               .when(grant(G1, 10, PAID, null))
               .expectNoEvents()
               .expectException(violation("duplicate-grant"));
    }

    // ---- approval, rejection, lapse -------------------------------------------------------------------------------

    @Test
    void approvalByASecondUserCreditsTheRequestedGrant() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G2, 20, PROMOTIONAL, null, 20, 0), requested(G1, 500, null))
               .when(new ApproveTokenGrant(USER, G1, APPROVER))
               .expectEvents(new TokenGrantApproved(USER, G1, APPROVER),
                             new TokensGranted(USER, G1, 500, PAID, REASON, null, ADMIN, APPROVER, 520, 0,
                                 GrantSource.MANUAL, null))
               .expectResultMessagePayload(TokenGrantStatus.GRANTED)
               .expectNoScheduledDeadlines();
    }

    @Test
    void approvalOfAGrantWithExpirySchedulesItsExpiry() {
        Instant expiry = NOW.plus(Duration.ofDays(30));
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), requested(G1, 500, expiry))
               .when(new ApproveTokenGrant(USER, G1, APPROVER))
               .expectEvents(new TokenGrantApproved(USER, G1, APPROVER),
                             new TokensGranted(USER, G1, 500, PAID, REASON, expiry, ADMIN, APPROVER, 500, 0,
                                 GrantSource.MANUAL, null))
               .expectScheduledDeadline(expiry, new GrantExpiryDue(G1))
               .expectScheduledDeadlineWithName(expiry, TokenWallet.GRANT_EXPIRY_DEADLINE);
    }

    @Test
    void requesterCannotApproveTheirOwnGrant() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), requested(G1, 500, null))
               .when(new ApproveTokenGrant(USER, G1, ADMIN))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("self-approval"));
    }

    @Test
    void approvingAnUnknownGrantFails() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened())
               .when(new ApproveTokenGrant(USER, G1, APPROVER))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("grant-not-found"));
    }

    @Test
    void approvingARejectedGrantFails() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), requested(G1, 500, null),
                         new TokenGrantRejected(USER, G1, APPROVER, "too generous"))
               .when(new ApproveTokenGrant(USER, G1, APPROVER))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("grant-not-pending"))
               .expectExceptionMessage("The grant is not waiting for approval; it is REJECTED");
    }

    @Test
    void approvingAnAlreadyApprovedGrantFails() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), requested(G1, 500, null), new TokenGrantApproved(USER, G1, APPROVER),
                         new TokensGranted(USER, G1, 500, PAID, REASON, null, ADMIN, APPROVER, 500, 0,
                             GrantSource.MANUAL, null))
               .when(new ApproveTokenGrant(USER, G1, APPROVER))
               .expectNoEvents()
               .expectException(violation("grant-not-pending"));
    }

    @Test
    void approvingAfterTheGrantsExpiryPassedFails() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), requested(G1, 500, NOW.minus(Duration.ofHours(1))))
               .when(new ApproveTokenGrant(USER, G1, APPROVER))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("grant-expiry-passed"));
    }

    @Test
    void rejectionClosesThePendingGrant() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), requested(G1, 500, null))
               .when(new RejectTokenGrant(USER, G1, APPROVER, "too generous"))
               .expectEvents(new TokenGrantRejected(USER, G1, APPROVER, "too generous"))
               .expectResultMessagePayload(TokenGrantStatus.REJECTED);
    }

    @Test
    void rejectionWithoutReasonIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), requested(G1, 500, null))
               .when(new RejectTokenGrant(USER, G1, APPROVER, " "))
               .expectNoEvents()
               .expectException(violation("missing-reason"));
    }

    @Test
    void lapseOfAPendingGrantClosesIt() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), requested(G1, 500, null))
               .when(new LapseTokenGrant(USER, G1))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new TokenGrantLapsed(USER, G1));
    }

    @Test
    void lapseOfAnApprovedGrantChangesNothing() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), requested(G1, 500, null), new TokenGrantApproved(USER, G1, APPROVER),
                         new TokensGranted(USER, G1, 500, PAID, REASON, null, ADMIN, APPROVER, 500, 0,
                             GrantSource.MANUAL, null))
               .when(new LapseTokenGrant(USER, G1))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void lapsedGrantCanNoLongerBeApproved() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), requested(G1, 500, null), new TokenGrantLapsed(USER, G1))
               .when(new ApproveTokenGrant(USER, G1, APPROVER))
               .expectNoEvents()
               .expectException(violation("grant-not-pending"));
    }

    // ---- grant expiry --------------------------------------------------------------------------------------------

    @Test
    void grantWithExpirySchedulesItsExpiryDeadline() {
        Instant expiry = NOW.plus(Duration.ofDays(30));
        fixture.givenCurrentTime(NOW)
               .andGiven(opened())
               .when(grant(G1, 80, PAID, expiry))
               .expectEvents(granted(G1, 80, PAID, expiry, 80, 0))
               .expectScheduledDeadlineWithName(expiry, TokenWallet.GRANT_EXPIRY_DEADLINE)
               .expectScheduledDeadline(expiry, new GrantExpiryDue(G1));
    }

    @Test
    void grantExpiryRemovesTheUnspentRemainder() {
        Instant expiry = NOW.plus(Duration.ofDays(30));
        fixture.givenCurrentTime(NOW)
               .andGivenCommands(grant(G1, 80, PAID, expiry),
                                 grant(G2, 20, PAID, null),
                                 hold(H1, 30, NOW.plus(Duration.ofHours(1))),
                                 new CaptureTokenHold(USER, H1, SPENDER))
               .whenTimeElapses(Duration.ofDays(31))
               // the captured hold's own expiry fires first and changes nothing
               .expectTriggeredDeadlinesWithName(TokenWallet.HOLD_EXPIRY_DEADLINE,
                                                 TokenWallet.GRANT_EXPIRY_DEADLINE)
               .expectEvents(new TokenGrantExpired(USER, G1, PAID, 50, 20, 0));
    }

    @Test
    void grantExpiryWhilePartOfTheLotIsHeldOnlyRemovesTheUnheldPart() {
        Instant expiry = NOW.plus(Duration.ofDays(30));
        fixture.givenCurrentTime(NOW)
               .andGivenCommands(grant(G1, 80, PAID, expiry),
                                 hold(H1, 30, NOW.plus(Duration.ofDays(40))))
               .whenTimeElapses(Duration.ofDays(31))
               .expectTriggeredDeadlinesWithName(TokenWallet.GRANT_EXPIRY_DEADLINE)
               .expectEvents(new TokenGrantExpired(USER, G1, PAID, 50, 30, 30));
    }

    @Test
    void releasingAHoldOfAnExpiredGrantExpiresTheReleasedTokens() {
        fixture.givenCurrentTime(NOW)
               .andGiven(heldPartOfAnExpiredGrant())
               .when(new ReleaseTokenHold(USER, H1, SPENDER, "booking cancelled"))
               .expectEvents(new TokenHoldReleased(USER, H1, 30, BOOKING, List.of(lot(G1, PAID, 30)),
                                                   HoldReleaseReason.RELEASED, "booking cancelled", SPENDER, 30, 0),
                             new TokenGrantExpired(USER, G1, PAID, 30, 0, 0));
    }

    @Test
    void capturingAHoldOfAnExpiredGrantJustSpendsIt() {
        fixture.givenCurrentTime(NOW)
               .andGiven(heldPartOfAnExpiredGrant())
               .when(new CaptureTokenHold(USER, H1, SPENDER))
               .expectEvents(new TokenHoldCaptured(USER, H1, 30, BOOKING, List.of(lot(G1, PAID, 30)), SPENDER,
                                                   0, 0));
    }

    @Test
    void expiredGrantCannotBeSpentFromAnyMore() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 80, PAID, NOW.minus(Duration.ofDays(1)), 80, 0),
                         new TokenGrantExpired(USER, G1, PAID, 80, 0, 0))
               .when(hold(H1, 1, NOW.plus(Duration.ofHours(1))))
               .expectNoEvents()
               .expectException(violation("insufficient-tokens"));
    }

    // ---- revocation ----------------------------------------------------------------------------------------------

    @Test
    void revocationRemovesTheUnspentRemainder() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 80, PAID, null, 80, 0), granted(G2, 20, PAID, null, 100, 0),
                         new TokensHeld(USER, H1, 30, BOOKING, NOW.plus(Duration.ofHours(1)),
                                        List.of(lot(G1, PAID, 30)), SPENDER, 100, 30),
                         new TokenHoldCaptured(USER, H1, 30, BOOKING, List.of(lot(G1, PAID, 30)), SPENDER, 70, 0))
               .when(new RevokeTokenGrant(USER, G1, ADMIN, "granted by mistake"))
               .expectEvents(new TokenGrantRevoked(USER, G1, PAID, 50, "granted by mistake", ADMIN, 20, 0))
               .expectResultMessagePayload(50L);
    }

    @Test
    void revokingAPendingGrantIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), requested(G1, 500, null))
               .when(new RevokeTokenGrant(USER, G1, ADMIN, "granted by mistake"))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("grant-not-revocable"));
    }

    @Test
    void revokingAFullyUsedGrantIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 30, PAID, null, 30, 0),
                         new TokensHeld(USER, H1, 30, BOOKING, NOW.plus(Duration.ofHours(1)),
                                        List.of(lot(G1, PAID, 30)), SPENDER, 30, 30),
                         new TokenHoldCaptured(USER, H1, 30, BOOKING, List.of(lot(G1, PAID, 30)), SPENDER, 0, 0))
               .when(new RevokeTokenGrant(USER, G1, ADMIN, "granted by mistake"))
               .expectNoEvents()
               .expectException(violation("grant-not-revocable"));
    }

    @Test
    void revokingARevokedGrantIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 30, PAID, null, 30, 0),
                         new TokenGrantRevoked(USER, G1, PAID, 30, "granted by mistake", ADMIN, 0, 0))
               .when(new RevokeTokenGrant(USER, G1, ADMIN, "again"))
               .expectNoEvents()
               .expectException(violation("grant-not-revocable"));
    }

    @Test
    void revokingAnUnknownGrantIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened())
               .when(new RevokeTokenGrant(USER, G1, ADMIN, "granted by mistake"))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("grant-not-found"));
    }

    @Test
    void revocationWithoutReasonIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 30, PAID, null, 30, 0))
               .when(new RevokeTokenGrant(USER, G1, ADMIN, null))
               .expectNoEvents()
               .expectException(violation("missing-reason"));
    }

    @Test
    void revocationLeavesHeldTokensHeld() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 80, PAID, null, 80, 0),
                         new TokensHeld(USER, H1, 30, BOOKING, NOW.plus(Duration.ofHours(1)),
                                        List.of(lot(G1, PAID, 30)), SPENDER, 80, 30))
               .when(new RevokeTokenGrant(USER, G1, ADMIN, "fraud"))
               .expectEvents(new TokenGrantRevoked(USER, G1, PAID, 50, "fraud", ADMIN, 30, 30))
               .expectResultMessagePayload(50L);
    }

    @Test
    void releasingAHoldOfARevokedGrantRevokesTheReleasedTokens() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 80, PAID, null, 80, 0),
                         new TokensHeld(USER, H1, 30, BOOKING, NOW.plus(Duration.ofHours(1)),
                                        List.of(lot(G1, PAID, 30)), SPENDER, 80, 30),
                         new TokenGrantRevoked(USER, G1, PAID, 50, "fraud", ADMIN, 30, 30))
               .when(new ReleaseTokenHold(USER, H1, SPENDER, null))
               .expectEvents(new TokenHoldReleased(USER, H1, 30, BOOKING, List.of(lot(G1, PAID, 30)),
                                                   HoldReleaseReason.RELEASED, null, SPENDER, 30, 0),
                             new TokenGrantRevoked(USER, G1, PAID, 30, "fraud", ADMIN, 0, 0));
    }

    @Test
    void revokedGrantDoesNotExpireAfterwards() {
        Instant expiry = NOW.plus(Duration.ofDays(30));
        fixture.givenCurrentTime(NOW)
               .andGivenCommands(grant(G1, 80, PAID, expiry),
                                 new RevokeTokenGrant(USER, G1, ADMIN, "fraud"))
               .whenTimeElapses(Duration.ofDays(31))
               .expectTriggeredDeadlinesWithName(TokenWallet.GRANT_EXPIRY_DEADLINE)
               .expectNoEvents();
    }

    // ---- holds ---------------------------------------------------------------------------------------------------

    @Test
    void holdReservesTokensWithoutChangingTheBalance() {
        Instant expiry = NOW.plus(Duration.ofHours(1));
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 50, PAID, null, 50, 0))
               .when(hold(H1, 20, expiry))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new TokensHeld(USER, H1, 20, BOOKING, expiry, List.of(lot(G1, PAID, 20)), SPENDER,
                                            50, 20));
    }

    @Test
    void holdOfMoreThanTheAvailableTokensIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 50, PAID, null, 50, 0))
               .when(hold(H1, 51, NOW.plus(Duration.ofHours(1))))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("insufficient-tokens"))
               .expectExceptionMessage("Only 50 tokens are available, 51 were requested");
    }

    @Test
    void holdCountsTokensAlreadyHeldAsUnavailable() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 50, PAID, null, 50, 0),
                         new TokensHeld(USER, H1, 30, BOOKING, NOW.plus(Duration.ofHours(1)),
                                        List.of(lot(G1, PAID, 30)), SPENDER, 50, 30))
               .when(hold(H2, 21, NOW.plus(Duration.ofHours(1))))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("insufficient-tokens"))
               .expectExceptionMessage("Only 20 tokens are available, 21 were requested");
    }

    @Test
    void holdOfExactlyTheAvailableTokensSkipsTheHeldPartOfALot() {
        Instant expiry = NOW.plus(Duration.ofHours(1));
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 50, PAID, null, 50, 0),
                         new TokensHeld(USER, H1, 30, BOOKING, expiry, List.of(lot(G1, PAID, 30)), SPENDER, 50, 30))
               .when(new PlaceTokenHold(USER, H2, 20, "booking-43", expiry, SPENDER))
               .expectEvents(new TokensHeld(USER, H2, 20, "booking-43", expiry, List.of(lot(G1, PAID, 20)),
                                            SPENDER, 50, 50));
    }

    @Test
    void holdOnAWalletThatNeverExistedIsRefused() {
        fixture.givenCurrentTime(NOW)
               .when(hold(H1, 1, NOW.plus(Duration.ofHours(1))))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("insufficient-tokens"));
    }

    @Test
    void holdExpiringInThePastIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 50, PAID, null, 50, 0))
               .when(hold(H1, 10, NOW.minusSeconds(1)))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("expiry-not-in-future"));
    }

    @Test
    void holdWithoutExpiryIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 50, PAID, null, 50, 0))
               .when(hold(H1, 10, null))
               .expectNoEvents()
               .expectException(violation("expiry-not-in-future"));
    }

    @Test
    void holdWithoutReferenceIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 50, PAID, null, 50, 0))
               .when(new PlaceTokenHold(USER, H1, 10, "", NOW.plus(Duration.ofHours(1)), SPENDER))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("missing-reference"));
    }

    @Test
    void holdOfZeroTokensIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 50, PAID, null, 50, 0))
               .when(hold(H1, 0, NOW.plus(Duration.ofHours(1))))
               .expectNoEvents()
               .expectException(violation("invalid-amount"));
    }

    @Test
    void holdWithTheIdOfAnActiveHoldIsRefused() {
        Instant expiry = NOW.plus(Duration.ofHours(1));
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 50, PAID, null, 50, 0),
                         new TokensHeld(USER, H1, 10, BOOKING, expiry, List.of(lot(G1, PAID, 10)), SPENDER, 50, 10))
               .when(hold(H1, 10, expiry))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("duplicate-hold"));
    }

    // ---- spending order ------------------------------------------------------------------------------------------

    @Test
    void promotionalTokensAreSpentBeforePaidOnes() {
        Instant expiry = NOW.plus(Duration.ofHours(1));
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 50, PAID, NOW.plus(Duration.ofDays(1)), 50, 0),
                         granted(G2, 50, PROMOTIONAL, null, 100, 0))
               .when(hold(H1, 30, expiry))
               .expectEvents(new TokensHeld(USER, H1, 30, BOOKING, expiry, List.of(lot(G2, PROMOTIONAL, 30)),
                                            SPENDER, 100, 30));
    }

    @Test
    void amongPaidTokensTheEarliestExpiryIsSpentFirst() {
        Instant expiry = NOW.plus(Duration.ofHours(1));
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(),
                         granted(G1, 50, PAID, null, 50, 0),
                         granted(G2, 50, PAID, NOW.plus(Duration.ofDays(60)), 100, 0),
                         granted(G3, 50, PAID, NOW.plus(Duration.ofDays(30)), 150, 0))
               .when(hold(H1, 10, expiry))
               .expectEvents(new TokensHeld(USER, H1, 10, BOOKING, expiry, List.of(lot(G3, PAID, 10)),
                                            SPENDER, 150, 10));
    }

    @Test
    void neverExpiringPaidTokensAreSpentLast() {
        Instant expiry = NOW.plus(Duration.ofHours(1));
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(),
                         granted(G1, 50, PAID, null, 50, 0),
                         granted(G2, 50, PAID, NOW.plus(Duration.ofDays(60)), 100, 0))
               .when(hold(H1, 60, expiry))
               .expectEvents(new TokensHeld(USER, H1, 60, BOOKING, expiry,
                                            List.of(lot(G2, PAID, 50), lot(G1, PAID, 10)), SPENDER, 100, 60));
    }

    @Test
    void amongLotsExpiringTogetherTheOldestGrantIsSpentFirst() {
        Instant expiry = NOW.plus(Duration.ofHours(1));
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(),
                         granted(G2, 50, PAID, null, 50, 0),
                         granted(G1, 50, PAID, null, 100, 0))
               .when(hold(H1, 10, expiry))
               .expectEvents(new TokensHeld(USER, H1, 10, BOOKING, expiry, List.of(lot(G2, PAID, 10)),
                                            SPENDER, 100, 10));
    }

    @Test
    void holdSpanningTwoLotsAllocatesBothInSpendingOrder() {
        Instant expiry = NOW.plus(Duration.ofHours(1));
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(),
                         granted(G1, 50, PAID, NOW.plus(Duration.ofDays(30)), 50, 0),
                         granted(G2, 20, PROMOTIONAL, null, 70, 0))
               .when(hold(H1, 30, expiry))
               .expectEvents(new TokensHeld(USER, H1, 30, BOOKING, expiry,
                                            List.of(lot(G2, PROMOTIONAL, 20), lot(G1, PAID, 10)), SPENDER, 70, 30));
    }

    // ---- capture and release -------------------------------------------------------------------------------------

    @Test
    void captureSpendsTheHeldTokens() {
        fixture.givenCurrentTime(NOW)
               .andGiven(walletWithHold())
               .when(new CaptureTokenHold(USER, H1, SPENDER))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new TokenHoldCaptured(USER, H1, 20, BOOKING, List.of(lot(G1, PAID, 20)), SPENDER,
                                                   30, 0));
    }

    @Test
    void capturingTwiceIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(walletWithHold())
               .andGiven(new TokenHoldCaptured(USER, H1, 20, BOOKING, List.of(lot(G1, PAID, 20)), SPENDER, 30, 0))
               .when(new CaptureTokenHold(USER, H1, SPENDER))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("hold-already-resolved"));
    }

    @Test
    void releasingACapturedHoldIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(walletWithHold())
               .andGiven(new TokenHoldCaptured(USER, H1, 20, BOOKING, List.of(lot(G1, PAID, 20)), SPENDER, 30, 0))
               .when(new ReleaseTokenHold(USER, H1, SPENDER, null))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("hold-already-resolved"));
    }

    @Test
    void capturingAReleasedHoldIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(walletWithHold())
               .andGiven(new TokenHoldReleased(USER, H1, 20, BOOKING, List.of(lot(G1, PAID, 20)),
                                               HoldReleaseReason.EXPIRED, null, null, 50, 0))
               .when(new CaptureTokenHold(USER, H1, SPENDER))
               .expectNoEvents()
               .expectException(violation("hold-already-resolved"));
    }

    @Test
    void capturingAHoldThatIsNotActiveHereIsRefusedAsResolved() {
        // Unknown hold ids are answered 404 by the directory before a command is sent; the wallet itself only
        // knows its active holds.
        fixture.givenCurrentTime(NOW)
               .andGiven(walletWithHold())
               .when(new CaptureTokenHold(USER, H2, SPENDER))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("hold-already-resolved"));
    }

    @Test
    void capturingAfterTheHoldExpiredIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 50, PAID, null, 50, 0),
                         new TokensHeld(USER, H1, 20, BOOKING, NOW.minus(Duration.ofMinutes(1)),
                                        List.of(lot(G1, PAID, 20)), SPENDER, 50, 20))
               .when(new CaptureTokenHold(USER, H1, SPENDER))
               .expectNoEvents()
               .expectException(RuleViolation.class)
               .expectException(violation("hold-expired"));
    }

    @Test
    void releaseGivesTheHeldTokensBack() {
        fixture.givenCurrentTime(NOW)
               .andGiven(walletWithHold())
               .when(new ReleaseTokenHold(USER, H1, SPENDER, "booking cancelled"))
               .expectEvents(new TokenHoldReleased(USER, H1, 20, BOOKING, List.of(lot(G1, PAID, 20)),
                                                   HoldReleaseReason.RELEASED, "booking cancelled", SPENDER, 50, 0));
    }

    @Test
    void releasingAHoldThatIsNotActiveHereIsRefusedAsResolved() {
        fixture.givenCurrentTime(NOW)
               .andGiven(walletWithHold())
               .when(new ReleaseTokenHold(USER, H2, SPENDER, null))
               .expectNoEvents()
               .expectException(violation("hold-already-resolved"));
    }

    // ---- hold expiry ---------------------------------------------------------------------------------------------

    @Test
    void holdSchedulesItsExpiryDeadline() {
        Instant expiry = NOW.plus(Duration.ofHours(1));
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 50, PAID, null, 50, 0))
               .when(hold(H1, 20, expiry))
               .expectScheduledDeadlineWithName(expiry, TokenWallet.HOLD_EXPIRY_DEADLINE)
               .expectScheduledDeadline(expiry, new HoldExpiryDue(H1, expiry));
    }

    @Test
    void unresolvedHoldIsReleasedWhenItExpires() {
        fixture.givenCurrentTime(NOW)
               .andGivenCommands(grant(G1, 50, PAID, null),
                                 hold(H1, 20, NOW.plus(Duration.ofHours(1))))
               .whenTimeElapses(Duration.ofHours(2))
               .expectTriggeredDeadlinesWithName(TokenWallet.HOLD_EXPIRY_DEADLINE)
               .expectEvents(new TokenHoldReleased(USER, H1, 20, BOOKING, List.of(lot(G1, PAID, 20)),
                                                   HoldReleaseReason.EXPIRED, null, null, 50, 0));
    }

    @Test
    void holdExpiryAfterTheHoldWasCapturedChangesNothing() {
        fixture.givenCurrentTime(NOW)
               .andGivenCommands(grant(G1, 50, PAID, null),
                                 hold(H1, 20, NOW.plus(Duration.ofHours(1))),
                                 new CaptureTokenHold(USER, H1, SPENDER))
               .whenTimeElapses(Duration.ofHours(2))
               .expectTriggeredDeadlinesWithName(TokenWallet.HOLD_EXPIRY_DEADLINE)
               .expectNoEvents();
    }

    // ---- extending a hold (a rescheduled booking keeps its tokens held longer) -----------------------------------

    @Test
    void extendingAnActiveHoldMovesItsExpiryAndSchedulesTheNewOne() {
        Instant later = NOW.plus(Duration.ofHours(3));
        fixture.givenCurrentTime(NOW)
               .andGiven(walletWithHold())
               .when(new ExtendTokenHold(USER, H1, later, SPENDER))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new TokenHoldExtended(USER, H1, NOW.plus(Duration.ofHours(1)), later, SPENDER))
               .expectScheduledDeadlineWithName(later, TokenWallet.HOLD_EXPIRY_DEADLINE)
               .expectScheduledDeadline(later, new HoldExpiryDue(H1, later));
    }

    @Test
    void extendingToTheSameExpiryIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(walletWithHold())
               .when(new ExtendTokenHold(USER, H1, NOW.plus(Duration.ofHours(1)), SPENDER))
               .expectNoEvents()
               .expectException(violation("invalid-expiry"));
    }

    @Test
    void extendingToAnEarlierExpiryIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(walletWithHold())
               .when(new ExtendTokenHold(USER, H1, NOW.plus(Duration.ofMinutes(30)), SPENDER))
               .expectNoEvents()
               .expectException(violation("invalid-expiry"))
               .expectNoScheduledDeadlines();
    }

    @Test
    void extendingWithoutANewExpiryIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(walletWithHold())
               .when(new ExtendTokenHold(USER, H1, null, SPENDER))
               .expectNoEvents()
               .expectException(violation("invalid-expiry"));
    }

    @Test
    void extendingACapturedHoldIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(walletWithHold())
               .andGiven(new TokenHoldCaptured(USER, H1, 20, BOOKING, List.of(lot(G1, PAID, 20)), SPENDER, 30, 0))
               .when(new ExtendTokenHold(USER, H1, NOW.plus(Duration.ofHours(3)), SPENDER))
               .expectNoEvents()
               .expectException(violation("hold-already-resolved"));
    }

    @Test
    void extendingAReleasedHoldIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(walletWithHold())
               .andGiven(new TokenHoldReleased(USER, H1, 20, BOOKING, List.of(lot(G1, PAID, 20)),
                                               HoldReleaseReason.RELEASED, null, SPENDER, 50, 0))
               .when(new ExtendTokenHold(USER, H1, NOW.plus(Duration.ofHours(3)), SPENDER))
               .expectNoEvents()
               .expectException(violation("hold-already-resolved"));
    }

    @Test
    void extendingAHoldWhoseExpiryPassedIsRefusedEvenBeforeItsDeadlineFired() {
        fixture.givenCurrentTime(NOW)
               .andGiven(walletWithHold())
               .andGivenCurrentTime(NOW.plus(Duration.ofHours(1)))
               .when(new ExtendTokenHold(USER, H1, NOW.plus(Duration.ofHours(3)), SPENDER))
               .expectNoEvents()
               .expectException(violation("hold-expired"));
    }

    @Test
    void theOldExpiryDeadlineLeavesAnExtendedHoldAlone() {
        Instant later = NOW.plus(Duration.ofHours(3));
        fixture.givenCurrentTime(NOW)
               .andGivenCommands(grant(G1, 50, PAID, null),
                                 hold(H1, 20, NOW.plus(Duration.ofHours(1))),
                                 new ExtendTokenHold(USER, H1, later, SPENDER))
               .whenTimeElapses(Duration.ofHours(2))
               .expectTriggeredDeadlinesWithName(TokenWallet.HOLD_EXPIRY_DEADLINE)
               .expectNoEvents()
               .expectScheduledDeadline(later, new HoldExpiryDue(H1, later));
    }

    @Test
    void theNewExpiryDeadlineReleasesAnExtendedHold() {
        fixture.givenCurrentTime(NOW)
               .andGivenCommands(grant(G1, 50, PAID, null),
                                 hold(H1, 20, NOW.plus(Duration.ofHours(1))),
                                 new ExtendTokenHold(USER, H1, NOW.plus(Duration.ofHours(3)), SPENDER))
               .whenTimeElapses(Duration.ofHours(4))
               .expectTriggeredDeadlinesWithName(TokenWallet.HOLD_EXPIRY_DEADLINE, TokenWallet.HOLD_EXPIRY_DEADLINE)
               .expectEvents(new TokenHoldReleased(USER, H1, 20, BOOKING, List.of(lot(G1, PAID, 20)),
                                                   HoldReleaseReason.EXPIRED, null, null, 50, 0));
    }

    @Test
    void anExtendedHoldCanBeCapturedAfterItsFormerExpiry() {
        fixture.givenCurrentTime(NOW)
               .andGiven(walletWithHold())
               .andGiven(new TokenHoldExtended(USER, H1, NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(3)),
                                               SPENDER))
               .andGivenCurrentTime(NOW.plus(Duration.ofHours(2)))
               .when(new CaptureTokenHold(USER, H1, SPENDER))
               .expectEvents(new TokenHoldCaptured(USER, H1, 20, BOOKING, List.of(lot(G1, PAID, 20)), SPENDER,
                                                   30, 0));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static RequestTokenGrant grant(UUID grantId, long amount, TokenCategory category, Instant expiresAt) {
        return new RequestTokenGrant(USER, grantId, amount, category, REASON, expiresAt, ADMIN);
    }

    // ---- findings of the review: approval window, overdue lots, overflow ---------------------------------------

    @Test
    void approvingAfterTheApprovalWindowIsRefusedEvenIfTheLapseNeverArrived() {
        fixture.givenCurrentTime(NOW.minus(APPROVAL_TIMEOUT))
               .andGiven(opened(), new TokenGrantRequested(USER, G1, 500, PAID, REASON, null, ADMIN, THRESHOLD, NOW))
               .andGivenCurrentTime(NOW)
               .when(new ApproveTokenGrant(USER, G1, APPROVER))
               .expectNoEvents()
               .expectException(violation("grant-request-lapsed"));
    }

    @Test
    void rejectingAfterTheApprovalWindowIsRefusedToo() {
        fixture.givenCurrentTime(NOW.minus(APPROVAL_TIMEOUT))
               .andGiven(opened(), new TokenGrantRequested(USER, G1, 500, PAID, REASON, null, ADMIN, THRESHOLD, NOW))
               .andGivenCurrentTime(NOW.plusSeconds(1))
               .when(new RejectTokenGrant(USER, G1, APPROVER, "too late"))
               .expectNoEvents()
               .expectException(violation("grant-request-lapsed"));
    }

    @Test
    void aHoldNeverSpendsALotWhoseExpiryPassedBeforeItsDeadlineFired() {
        Instant expired = NOW.minus(Duration.ofMinutes(1));
        Instant holdExpiry = NOW.plus(Duration.ofHours(1));
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 10, PROMOTIONAL, expired, 10, 0), granted(G2, 10, PAID, null, 20, 0))
               .when(hold(H1, 5, holdExpiry))
               .expectEvents(new TokenGrantExpired(USER, G1, PROMOTIONAL, 10, 10, 0),
                             new TokensHeld(USER, H1, 5, BOOKING, holdExpiry, List.of(lot(G2, PAID, 5)), SPENDER,
                                            10, 5));
    }

    @Test
    void tokensWhoseExpiryPassedDoNotCountAsAvailable() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, 10, PAID, NOW.minus(Duration.ofMinutes(1)), 10, 0))
               .when(hold(H1, 5, NOW.plus(Duration.ofHours(1))))
               .expectNoEvents()
               .expectException(violation("insufficient-tokens"));
    }

    @Test
    void aGrantThatWouldOverflowTheBalanceIsRefused() {
        fixture.givenCurrentTime(NOW)
               .andGiven(opened(), granted(G1, Long.MAX_VALUE - 5, PAID, null, Long.MAX_VALUE - 5, 0))
               .when(new RequestTokenGrant(USER, G2, 10, PAID, REASON, null, ADMIN))
               .expectNoEvents()
               .expectException(violation("amount-too-large"));
    }

    private static PlaceTokenHold hold(UUID holdId, long amount, Instant expiresAt) {
        return new PlaceTokenHold(USER, holdId, amount, BOOKING, expiresAt, SPENDER);
    }

    private static TokenWalletOpened opened() {
        return new TokenWalletOpened(USER);
    }

    private static TokensGranted granted(UUID grantId, long amount, TokenCategory category, Instant expiresAt,
                                         long balanceAfter, long heldAfter) {
        return new TokensGranted(USER, grantId, amount, category, REASON, expiresAt, ADMIN, null, balanceAfter,
                                 heldAfter, GrantSource.MANUAL, null);
    }

    private static TokenGrantRequested requested(UUID grantId, long amount, Instant expiresAt) {
        return new TokenGrantRequested(USER, grantId, amount, PAID, REASON, expiresAt, ADMIN, THRESHOLD,
                NOW.plus(APPROVAL_TIMEOUT));
    }

    private static LotAllocation lot(UUID grantId, TokenCategory category, long amount) {
        return new LotAllocation(grantId, category, amount);
    }

    /** 50 tokens of G1, 20 of them held by H1 until an hour from now. */
    private static Object[] walletWithHold() {
        return new Object[]{
                opened(),
                granted(G1, 50, PAID, null, 50, 0),
                new TokensHeld(USER, H1, 20, BOOKING, NOW.plus(Duration.ofHours(1)), List.of(lot(G1, PAID, 20)),
                               SPENDER, 50, 20)
        };
    }

    /** G1 (80 tokens) expired yesterday while H1 held 30 of them; H1 itself runs for another hour. */
    private static Object[] heldPartOfAnExpiredGrant() {
        return new Object[]{
                opened(),
                granted(G1, 80, PAID, NOW.minus(Duration.ofDays(1)), 80, 0),
                new TokensHeld(USER, H1, 30, BOOKING, NOW.plus(Duration.ofHours(1)), List.of(lot(G1, PAID, 30)),
                               SPENDER, 80, 30),
                new TokenGrantExpired(USER, G1, PAID, 50, 30, 30)
        };
    }

    private static Matcher<RuleViolation> violation(String code) {
        return new FeatureMatcher<>(equalTo(code), "a rule violation with code", "code") {
            @Override
            protected String featureValueOf(RuleViolation actual) {
                return actual.code();
            }
        };
    }
}
