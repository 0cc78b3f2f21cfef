package com.mrmentor.platform.command.earnings;

import com.mrmentor.platform.command.common.MutableClock;
import com.mrmentor.platform.command.payments.PaymentPolicy;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.earnings.AccrueSessionEarning;
import com.mrmentor.platform.shared.earnings.ApprovePayout;
import com.mrmentor.platform.shared.earnings.CancelPayout;
import com.mrmentor.platform.shared.earnings.EarningsIds;
import com.mrmentor.platform.shared.earnings.ExpirePayoutRequest;
import com.mrmentor.platform.shared.earnings.PayoutApproved;
import com.mrmentor.platform.shared.earnings.PayoutCancelled;
import com.mrmentor.platform.shared.earnings.PayoutDestinationChanged;
import com.mrmentor.platform.shared.earnings.PayoutFailed;
import com.mrmentor.platform.shared.earnings.PayoutFundsPaid;
import com.mrmentor.platform.shared.earnings.PayoutFundsReserved;
import com.mrmentor.platform.shared.earnings.PayoutFundsReturned;
import com.mrmentor.platform.shared.earnings.PayoutMethod;
import com.mrmentor.platform.shared.earnings.PayoutProcessed;
import com.mrmentor.platform.shared.earnings.PayoutRejected;
import com.mrmentor.platform.shared.earnings.PayoutRequested;
import com.mrmentor.platform.shared.earnings.PayoutReversed;
import com.mrmentor.platform.shared.earnings.PayoutStatus;
import com.mrmentor.platform.shared.earnings.PayoutSubmissionDeferred;
import com.mrmentor.platform.shared.earnings.PayoutSubmitted;
import com.mrmentor.platform.shared.earnings.RejectPayout;
import com.mrmentor.platform.shared.earnings.RequestPayout;
import com.mrmentor.platform.shared.earnings.ReverseSessionEarning;
import com.mrmentor.platform.shared.earnings.SettlePayout;
import com.mrmentor.platform.shared.earnings.SubmitPayout;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PayoutWorkflow} on a real Axon configuration (ledger and payouts event-sourced from an in-memory store, a
 * scripted provider): requests reserve at most the available balance and at least the minimum, destinations hold
 * on change, four eyes, sending, and every way money comes back — exactly once.
 */
class PayoutWorkflowTest {

    private static final Instant NOW = Instant.parse("2026-11-16T09:00:00Z"); // a Monday
    private static final UUID MENTOR = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID FINANCE = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID BOOKING = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final String VPA = "mentor@okhdfc";
    private static final PayoutPolicy POLICY = PayoutPolicy.defaults();

    private final MutableClock clock = new MutableClock(NOW.minus(Duration.ofDays(10)));
    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private final Set<String> seenEvents = new HashSet<>();
    private final ScriptedProvider provider = new ScriptedProvider();
    private Configuration axon;

    @BeforeEach
    void setUp() {
        PayoutProviderEventLog eventLog = new PayoutProviderEventLog(null) {
            @Override
            void remember(String eventId, String eventType, Instant receivedAt) {
                if (!seenEvents.add(eventId)) {
                    throw EarningsRules.duplicateProviderEvent();
                }
                CurrentUnitOfWork.get().onRollback(u -> seenEvents.remove(eventId));
            }
        };
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(c -> store)
                .configureAggregate(MentorEarnings.class)
                .configureAggregate(Payout.class)
                .registerComponent(Clock.class, c -> clock)
                .registerComponent(EarningsPolicy.class, c -> EarningsPolicy.defaults())
                .registerComponent(PaymentPolicy.class, c -> PaymentPolicy.defaults())
                .registerCommandHandler(c -> new PayoutWorkflow(c.repository(Payout.class),
                        c.repository(MentorEarnings.class), c.eventStore(), POLICY, provider, eventLog, clock))
                .start();
        // two sessions of 2 tokens ten days ago: 96 000 paise earned, available once the hold is over
        send(new AccrueSessionEarning(MENTOR, BOOKING, 2, clock.instant()));
        send(new AccrueSessionEarning(MENTOR, UUID.randomUUID(), 2, clock.instant()));
        makeAvailable();
        clock.set(NOW);
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
    }

    // ---- requests ------------------------------------------------------------------------------------------------

    @Test
    void aRequestReservesTheAmountAndCreatesThePayoutTogether() {
        UUID payout = UUID.randomUUID();
        int before = stored().size();

        PayoutWorkflow.Requested requested = send(new RequestPayout(payout, MENTOR, 50_000, PayoutMethod.UPI,
                " Mentor@OKHDFC "));

        assertThat(requested.notBefore()).isNull();
        assertThat(requested.destination()).isEqualTo("me****@okhdfc");
        assertThat(payloads(stored().subList(before, stored().size()))).containsExactly(
                new PayoutDestinationChanged(MENTOR, PayoutMethod.UPI, VPA, "me****@okhdfc", true, null, NOW),
                new PayoutFundsReserved(MENTOR, payout, 50_000, NOW),
                new PayoutRequested(payout, MENTOR, 50_000, PayoutMethod.UPI, VPA, "me****@okhdfc", null, NOW));
    }

    @Test
    void aRequestIsAtLeastTheMinimumAndAtMostTheAvailableBalanceAndStoresNothingOtherwise() {
        int before = stored().size();
        assertViolation(() -> send(new RequestPayout(UUID.randomUUID(), MENTOR, 9_999, PayoutMethod.UPI, VPA)),
                "payout-below-minimum");
        assertViolation(() -> send(new RequestPayout(UUID.randomUUID(), MENTOR, 96_001, PayoutMethod.UPI, VPA)),
                "insufficient-earnings");
        assertViolation(() -> send(new RequestPayout(UUID.randomUUID(), UUID.randomUUID(), 10_000, PayoutMethod.UPI,
                VPA)), "insufficient-earnings");
        assertViolation(() -> send(new RequestPayout(UUID.randomUUID(), MENTOR, 10_000, PayoutMethod.BANK, VPA)),
                "invalid-destination");
        assertThat(stored()).hasSize(before);

        send(new RequestPayout(UUID.randomUUID(), MENTOR, 96_000, PayoutMethod.UPI, VPA));
        assertViolation(() -> send(new RequestPayout(UUID.randomUUID(), MENTOR, 10_000, PayoutMethod.UPI, VPA)),
                "insufficient-earnings");
    }

    @Test
    void aChangedDestinationHoldsPayoutsForADay() {
        send(new RequestPayout(UUID.randomUUID(), MENTOR, 10_000, PayoutMethod.UPI, VPA));
        UUID payout = UUID.randomUUID();
        int before = stored().size();

        PayoutWorkflow.Requested requested = send(new RequestPayout(payout, MENTOR, 10_000, PayoutMethod.BANK,
                "HDFC0001234:123456789012"));

        Instant holdUntil = NOW.plus(Duration.ofHours(24));
        assertThat(requested.notBefore()).isEqualTo(holdUntil);
        assertThat(payloads(stored().subList(before, stored().size())).get(0)).isEqualTo(
                new PayoutDestinationChanged(MENTOR, PayoutMethod.BANK, "HDFC0001234:123456789012",
                        "HDFC0001234:XXXXXXXX9012", false, holdUntil, NOW));
        PayoutApproved approved = send(new ApprovePayout(payout, FINANCE));
        assertThat(approved.sendAt()).isEqualTo(Instant.parse("2026-11-20T04:30:00Z")); // Friday 10:00 IST
        assertViolation(() -> send(new SubmitPayout(payout, FINANCE, true)), "destination-on-hold");

        clock.set(holdUntil);
        assertThat((PayoutStatus) send(new SubmitPayout(payout, FINANCE, true))).isEqualTo(PayoutStatus.PROCESSING);
        // the same destination again: still held until the same instant, no new change
        clock.set(NOW.plus(Duration.ofHours(2)));
        assertThat(((PayoutWorkflow.Requested) send(new RequestPayout(UUID.randomUUID(), MENTOR, 10_000,
                PayoutMethod.BANK, "HDFC0001234:123456789012"))).notBefore()).isEqualTo(holdUntil);
    }

    // ---- decisions -----------------------------------------------------------------------------------------------

    @Test
    void theMentorNeverDecidesTheirOwnPayout() {
        UUID payout = request(30_000);
        assertViolation(() -> send(new ApprovePayout(payout, MENTOR)), "four-eyes");
        assertViolation(() -> send(new RejectPayout(payout, MENTOR, "mine")), "four-eyes");
    }

    @Test
    void anApprovalQueuesThePayoutForTheNextFridayBatch() {
        UUID payout = request(30_000);
        PayoutApproved approved = send(new ApprovePayout(payout, FINANCE));
        assertThat(approved).isEqualTo(new PayoutApproved(payout, MENTOR, 30_000, FINANCE, "batch-2026-11-20",
                Instant.parse("2026-11-20T04:30:00Z"), NOW));
        assertViolation(() -> send(new ApprovePayout(payout, FINANCE)), "payout-not-pending");
    }

    @Test
    void aRejectionReturnsTheMoneyWithTheReason() {
        UUID payout = request(30_000);
        assertViolation(() -> send(new RejectPayout(payout, FINANCE, " ")), "missing-reason");
        int before = stored().size();

        send(new RejectPayout(payout, FINANCE, "unverified account"));

        assertThat(payloads(stored().subList(before, stored().size()))).containsExactly(
                new PayoutRejected(payout, MENTOR, 30_000, "unverified account", FINANCE, false, NOW),
                new PayoutFundsReturned(MENTOR, payout, 30_000, PayoutStatus.REJECTED, "IN_PAYOUT",
                        "rejected: unverified account", NOW));
        assertThat(available()).isEqualTo(96_000);
        assertViolation(() -> send(new RejectPayout(payout, FINANCE, "again")), "payout-already-sent");
    }

    @Test
    void theApprovalTimeoutRejectsOnlyAPendingPayoutOnce() {
        UUID pending = request(30_000);
        UUID approved = request(30_000);
        send(new ApprovePayout(approved, FINANCE));
        int before = stored().size();

        send(new ExpirePayoutRequest(pending));
        send(new ExpirePayoutRequest(pending));
        send(new ExpirePayoutRequest(approved));

        assertThat(payloads(stored().subList(before, stored().size()))).containsExactly(
                new PayoutRejected(pending, MENTOR, 30_000, "not decided within 7 days", null, true, NOW),
                new PayoutFundsReturned(MENTOR, pending, 30_000, PayoutStatus.REJECTED, "IN_PAYOUT",
                        "not decided within 7 days", NOW));
    }

    @Test
    void theMentorCancelsOnlyTheirOwnPayoutBeforeItIsSent() {
        UUID payout = request(30_000);
        assertViolation(() -> send(new CancelPayout(payout, UUID.randomUUID(), null)), "unknown-payout");
        send(new CancelPayout(payout, MENTOR, null));
        assertThat(last()).isEqualTo(new PayoutFundsReturned(MENTOR, payout, 30_000, PayoutStatus.CANCELLED,
                "IN_PAYOUT", "cancelled by the mentor", NOW));
        assertThat(payloads(stored())).contains(new PayoutCancelled(payout, MENTOR, 30_000, "cancelled by the mentor",
                MENTOR, NOW));
        assertViolation(() -> send(new CancelPayout(payout, MENTOR, null)), "payout-already-sent");
    }

    // ---- sending and the provider's outcomes -----------------------------------------------------------------

    @Test
    void onlyAnApprovedPayoutIsSentAndTheBatchSkipsOneSentAlready() {
        UUID payout = request(30_000);
        assertViolation(() -> send(new SubmitPayout(payout, FINANCE, true)), "payout-not-approved");
        send(new ApprovePayout(payout, FINANCE));

        assertThat((PayoutStatus) send(new SubmitPayout(payout, FINANCE, true))).isEqualTo(PayoutStatus.PROCESSING);
        assertThat(last()).isEqualTo(new PayoutSubmitted(payout, MENTOR, 30_000, "scripted", "pout_" + payout, true,
                FINANCE, NOW));
        int before = stored().size();
        assertThat((PayoutStatus) send(new SubmitPayout(payout, null, false))).isEqualTo(PayoutStatus.PROCESSING);
        assertThat(stored()).hasSize(before);
        assertThat(provider.calls).containsExactly(payout.toString());
    }

    @Test
    void aRefusalFailsThePayoutAndReturnsTheMoney() {
        UUID payout = approved(30_000);
        provider.refuse = "Invalid IFSC";

        assertThat((PayoutStatus) send(new SubmitPayout(payout, null, false))).isEqualTo(PayoutStatus.FAILED);

        assertThat(payloads(stored()).subList(stored().size() - 2, stored().size())).containsExactly(
                new PayoutFailed(payout, MENTOR, 30_000, null, "the provider refused the payout: Invalid IFSC", NOW),
                new PayoutFundsReturned(MENTOR, payout, 30_000, PayoutStatus.FAILED, "IN_PAYOUT",
                        "the provider refused the payout: Invalid IFSC", NOW));
    }

    @Test
    void anUnreachableProviderDefersTheBatchButRefusesFinanceWithNothingChanged() {
        UUID payout = approved(30_000);
        provider.unavailable = true;
        int before = stored().size();

        assertViolation(() -> send(new SubmitPayout(payout, FINANCE, true)), "payout-provider-unavailable");
        assertThat(stored()).hasSize(before);
        assertThat((PayoutStatus) send(new SubmitPayout(payout, null, false))).isEqualTo(PayoutStatus.QUEUED);
        assertThat(last()).isEqualTo(new PayoutSubmissionDeferred(payout, MENTOR, "down", NOW.plus(
                Duration.ofMinutes(15)), NOW));
    }

    @Test
    void aFailureReportedThreeTimesReturnsTheMoneyOnce() {
        UUID payout = sent(30_000);
        int before = stored().size();

        assertThat((PayoutStatus) send(settle(payout, "failed", null, "evt_1"))).isEqualTo(PayoutStatus.FAILED);
        assertViolation(() -> send(settle(payout, "failed", null, "evt_1")), "duplicate-provider-event");
        assertThat((Object) send(settle(payout, "failed", null, "evt_2"))).isNull();

        assertThat(payloads(stored().subList(before, stored().size()))).containsExactly(
                new PayoutFailed(payout, MENTOR, 30_000, "pout_" + payout, "bank offline", NOW),
                new PayoutFundsReturned(MENTOR, payout, 30_000, PayoutStatus.FAILED, "IN_PAYOUT",
                        "failed: bank offline", NOW));
        assertThat(available()).isEqualTo(96_000);
    }

    @Test
    void processedKeepsTheUtrAndAReversalAfterwardsReturnsTheMoneyFromPaid() {
        UUID payout = sent(30_000);
        assertThat((Object) send(settle(payout, "processing", null, "evt_0"))).isNull();
        send(settle(payout, "processed", "UTR123", "evt_1"));
        assertThat(payloads(stored()).subList(stored().size() - 2, stored().size())).containsExactly(
                new PayoutProcessed(payout, MENTOR, 30_000, "pout_" + payout, "UTR123", NOW),
                new PayoutFundsPaid(MENTOR, payout, 30_000, "UTR123", NOW));
        assertThat((Object) send(settle(payout, "processed", "UTR123", "evt_2"))).isNull();

        send(settle(payout, "reversed", "UTR123", "evt_3"));
        assertThat(payloads(stored()).subList(stored().size() - 2, stored().size())).containsExactly(
                new PayoutReversed(payout, MENTOR, 30_000, "pout_" + payout, "UTR123", "bank offline", NOW),
                new PayoutFundsReturned(MENTOR, payout, 30_000, PayoutStatus.REVERSED, "PAID",
                        "reversed: bank offline", NOW));
        assertThat((Object) send(settle(payout, "reversed", "UTR123", "evt_4"))).isNull();
        assertThat(available()).isEqualTo(96_000);
    }

    @Test
    void aReportForAnotherProviderPayoutOrAmountIsRefused() {
        UUID payout = sent(30_000);
        assertViolation(() -> send(new SettlePayout(payout, "pout_other", "failed", 30_000, null, null, "e1")),
                "payout-provider-mismatch");
        assertViolation(() -> send(new SettlePayout(payout, "pout_" + payout, "failed", 1, null, null, "e2")),
                "payout-provider-mismatch");
        assertViolation(() -> send(new SettlePayout(UUID.randomUUID(), "x", "failed", 1, null, null, "e3")),
                "unknown-payout");
        assertThat(seenEvents).isEmpty();
    }

    @Test
    void aReversalAfterPayoutLeavesANegativeBalanceThatLaterEarningsRecover() {
        UUID payout = sent(96_000);
        send(settle(payout, "processed", "UTR1", "evt_1"));
        send(new ReverseSessionEarning(MENTOR, BOOKING, "refund", FINANCE));
        assertThat(available()).isEqualTo(-48_000);
        assertViolation(() -> send(new RequestPayout(UUID.randomUUID(), MENTOR, 10_000, PayoutMethod.UPI, VPA)),
                "insufficient-earnings");

        send(new AccrueSessionEarning(MENTOR, UUID.randomUUID(), 3, NOW.minus(Duration.ofDays(8))));
        makeAvailable(); // its hold ended a day ago
        assertThat(available()).isEqualTo(24_000); // 72 000 earned, 48 000 of it recovered
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private UUID request(long amount) {
        UUID payout = UUID.randomUUID();
        send(new RequestPayout(payout, MENTOR, amount, PayoutMethod.UPI, VPA));
        return payout;
    }

    private UUID approved(long amount) {
        UUID payout = request(amount);
        send(new ApprovePayout(payout, FINANCE));
        return payout;
    }

    private UUID sent(long amount) {
        UUID payout = approved(amount);
        send(new SubmitPayout(payout, FINANCE, true));
        return payout;
    }

    private static SettlePayout settle(UUID payout, String status, String utr, String eventId) {
        return new SettlePayout(payout, "pout_" + payout, status, amountOf(payout), utr,
                "bank offline", eventId);
    }

    private static final java.util.Map<UUID, Long> AMOUNTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static long amountOf(UUID payout) {
        return AMOUNTS.getOrDefault(payout, 30_000L);
    }

    /**
     * Waits for the ledger's hold deadlines that are due: the configuration's simple deadline manager fires a
     * deadline already past at once, on its own thread.
     */
    private void makeAvailable() {
        long expected = payloads(stored()).stream()
                .filter(p -> p instanceof com.mrmentor.platform.shared.earnings.SessionEarningAccrued)
                .count();
        long deadline = System.currentTimeMillis() + 10_000;
        while (payloads(stored()).stream()
                .filter(p -> p instanceof com.mrmentor.platform.shared.earnings.SessionEarningAvailable).count()
                < expected) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the hold deadlines did not fire");
            }
            Thread.onSpinWait();
        }
    }

    private long available() {
        long[] balance = new long[1];
        axon.commandGateway(); // state is read through a no-op unit of work
        new org.axonframework.messaging.unitofwork.DefaultUnitOfWork<>(null).execute(() -> balance[0] =
                axon.repository(MentorEarnings.class).load(EarningsIds.ledger(MENTOR))
                        .invoke(MentorEarnings::available));
        return balance[0];
    }

    private List<EventMessage<?>> stored() {
        List<EventMessage<?>> all = new ArrayList<>();
        store.readEvents(null, false).forEach(all::add);
        return all;
    }

    private static List<Object> payloads(List<EventMessage<?>> events) {
        return events.stream().map(e -> (Object) e.getPayload()).toList();
    }

    private Object last() {
        List<EventMessage<?>> all = stored();
        return all.get(all.size() - 1).getPayload();
    }

    @SuppressWarnings("unchecked")
    private <R> R send(Object command) {
        if (command instanceof RequestPayout request) {
            AMOUNTS.put(request.payoutId(), request.amount());
        }
        return (R) axon.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command));
    }

    private static void assertViolation(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.code()).isEqualTo(code));
    }

    /** Answers as scripted, remembering what it was asked. */
    private static final class ScriptedProvider implements PayoutProvider {
        final List<String> calls = new ArrayList<>();
        String refuse;
        boolean unavailable;

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public ProviderPayout createPayout(String reference, long amount, String currency, PayoutMethod method,
                                           String destination, String narration) {
            if (unavailable) {
                throw new ProviderUnavailable("down", null);
            }
            if (refuse != null) {
                throw new PayoutRefused(refuse);
            }
            calls.add(reference);
            return new ProviderPayout("pout_" + reference, "processing");
        }
    }
}
