package com.mrmentor.platform.command.earnings;

import com.mrmentor.platform.command.payments.PaymentPolicy;
import com.mrmentor.platform.shared.common.MetadataKeys;
import com.mrmentor.platform.shared.earnings.AccrueSessionEarning;
import com.mrmentor.platform.shared.earnings.EarningAvailableDue;
import com.mrmentor.platform.shared.earnings.EarningsIds;
import com.mrmentor.platform.shared.earnings.PayoutDestinationChanged;
import com.mrmentor.platform.shared.earnings.PayoutFundsPaid;
import com.mrmentor.platform.shared.earnings.PayoutFundsReserved;
import com.mrmentor.platform.shared.earnings.PayoutFundsReturned;
import com.mrmentor.platform.shared.earnings.PayoutMethod;
import com.mrmentor.platform.shared.earnings.PayoutStatus;
import com.mrmentor.platform.shared.earnings.ReverseSessionEarning;
import com.mrmentor.platform.shared.earnings.SessionEarningAccrued;
import com.mrmentor.platform.shared.earnings.SessionEarningAvailable;
import com.mrmentor.platform.shared.earnings.SessionEarningReversed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A mentor's earnings ledger: every session earning (gross, commission, TDS, net), its hold period, reversals, and
 * the money reserved for, paid by and returned from payouts.
 *
 * <p>Invariants: a session earns once; an earning is PENDING until its hold period ends (a deadline), then
 * AVAILABLE; a reversal takes the net back from wherever it is — from AVAILABLE even if that goes negative (the money
 * was paid out), so later earnings recover it before the mentor can be paid again; a payout reserves at most the
 * available balance and at least the minimum; a payout's money is paid or returned once (a payout unknown to the
 * ledger, or settled already, changes nothing). Payout moves happen in {@link PayoutWorkflow}'s units of work
 * together with the payout's own events.
 */
@Aggregate
public class MentorEarnings {

    static final String AVAILABLE_DEADLINE = "earning-available";

    @AggregateIdentifier
    private String id;
    private UUID mentorId;
    private final Map<UUID, Earning> sessions = new HashMap<>();
    private final Map<UUID, Long> inPayout = new HashMap<>();
    private final Map<UUID, Long> paidOut = new HashMap<>();
    private final Map<Integer, Long> grossByFinancialYear = new HashMap<>();
    private long pending;
    private long available;
    private PayoutMethod destinationMethod;
    private String destination;
    private Instant destinationHeldUntil;

    /** For Axon, which rebuilds the ledger from its events. */
    protected MentorEarnings() {
    }

    /**
     * Records a captured session's earning, once per booking: gross = captured tokens × token value (before GST),
     * less commission and, over the financial year's threshold, TDS. Pending until the session's end + hold.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AccrueSessionEarning command, EarningsPolicy policy, PaymentPolicy payments,
                       DeadlineManager deadlines, Clock clock) {
        if (command.bookingId() == null || command.sessionEnd() == null) {
            throw EarningsRules.missing("session");
        }
        if (sessions.containsKey(command.bookingId()) || command.capturedTokens() <= 0) {
            return;
        }
        long gross = Math.multiplyExact(command.capturedTokens(), payments.tokenPrice());
        long commission = EarningsPolicy.share(gross, policy.commissionBps());
        int year = EarningsPolicy.financialYear(command.sessionEnd());
        long yearGross = mentorId == null ? 0 : grossByFinancialYear.getOrDefault(year, 0L);
        int tdsBps = policy.tdsBps() > 0 && yearGross + gross > policy.tdsThreshold() ? policy.tdsBps() : 0;
        long tds = EarningsPolicy.share(gross, tdsBps);
        Instant now = clock.instant();
        Instant availableAt = command.sessionEnd().plus(policy.holdPeriod());
        apply(new SessionEarningAccrued(command.mentorId(), command.bookingId(), command.capturedTokens(),
                payments.tokenPrice(), gross, policy.commissionBps(), commission, tdsBps, tds,
                gross - commission - tds, command.sessionEnd(), availableAt, now));
        deadlines.schedule(availableAt.isAfter(now) ? availableAt : now, AVAILABLE_DEADLINE,
                new GenericMessage<>(new EarningAvailableDue(command.mentorId(), command.bookingId()),
                        Map.of(MetadataKeys.USER_ID, MetadataKeys.SYSTEM_ACTOR)));
    }

    /** The hold period is over: pending → available, unless reversed meanwhile. */
    @DeadlineHandler(deadlineName = AVAILABLE_DEADLINE)
    public void on(EarningAvailableDue due, Clock clock) {
        Earning earning = sessions.get(due.bookingId());
        if (earning != null && earning.state == State.PENDING) {
            apply(new SessionEarningAvailable(mentorId, due.bookingId(), earning.net, clock.instant()));
        }
    }

    /** A late refund or a lost dispute: the session's earning is taken back, with the reason. */
    @CommandHandler
    public SessionEarningReversed handle(ReverseSessionEarning command, Clock clock) {
        Earning earning = sessions.get(command.bookingId());
        if (earning == null) {
            throw EarningsRules.unknownSessionEarning();
        }
        if (earning.state == State.REVERSED) {
            throw EarningsRules.earningReversed();
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw EarningsRules.missing("reason");
        }
        SessionEarningReversed reversed = new SessionEarningReversed(mentorId, command.bookingId(), earning.net,
                earning.gross, earning.commission, earning.tds, earning.state.name(), command.reason().strip(),
                command.reversedBy(), clock.instant());
        apply(reversed);
        return reversed;
    }

    // ---- payouts (called by PayoutWorkflow, in the unit of work of the payout's own events) --------------------

    /**
     * Records the destination of a new payout. A first destination is simply recorded; a different one from the
     * current is a change: payouts to it wait {@code hold}, and the mentor is told. Returns the instant before which
     * payouts may not be sent (null: no hold).
     */
    Instant useDestination(PayoutMethod method, String normalised, String masked, Duration hold, Instant now) {
        if (method == destinationMethod && normalised.equals(destination)) {
            return destinationHeldUntil != null && destinationHeldUntil.isAfter(now) ? destinationHeldUntil : null;
        }
        boolean first = destination == null;
        Instant holdUntil = first ? null : now.plus(hold);
        apply(new PayoutDestinationChanged(mentorId, method, normalised, masked, first, holdUntil, now));
        return holdUntil;
    }

    /** Moves {@code amount} from available to in-payout for {@code payoutId}. */
    void reserve(UUID payoutId, long amount, long minimum, Instant now) {
        if (amount < minimum) {
            throw EarningsRules.belowMinimum(minimum);
        }
        if (amount > available) {
            throw EarningsRules.insufficientEarnings(available);
        }
        apply(new PayoutFundsReserved(mentorId, payoutId, amount, now));
    }

    /** The payout was processed: in-payout → paid, once. */
    void paid(UUID payoutId, String utr, Instant now) {
        Long amount = inPayout.get(payoutId);
        if (amount != null) {
            apply(new PayoutFundsPaid(mentorId, payoutId, amount, utr, now));
        }
    }

    /**
     * The payout's money comes back to available, once: from in-payout (rejected, cancelled, failed) or from paid
     * (reversed after processed). Returns whether it did.
     */
    boolean returnFunds(UUID payoutId, PayoutStatus outcome, String reason, Instant now) {
        if (inPayout.containsKey(payoutId)) {
            apply(new PayoutFundsReturned(mentorId, payoutId, inPayout.get(payoutId), outcome, "IN_PAYOUT", reason,
                    now));
            return true;
        }
        if (outcome == PayoutStatus.REVERSED && paidOut.containsKey(payoutId)) {
            apply(new PayoutFundsReturned(mentorId, payoutId, paidOut.get(payoutId), outcome, "PAID", reason, now));
            return true;
        }
        return false;
    }

    long available() {
        return available;
    }

    long pending() {
        return pending;
    }

    // ---- state changes, only from events ---------------------------------------------------------------------

    @EventSourcingHandler
    void on(SessionEarningAccrued event) {
        id = EarningsIds.ledger(event.mentorId());
        mentorId = event.mentorId();
        sessions.put(event.bookingId(), new Earning(event.gross(), event.commission(), event.tds(), event.net(),
                State.PENDING));
        grossByFinancialYear.merge(EarningsPolicy.financialYear(event.sessionEnd()), event.gross(), Long::sum);
        pending += event.net();
    }

    @EventSourcingHandler
    void on(SessionEarningAvailable event) {
        Earning earning = sessions.get(event.bookingId());
        sessions.put(event.bookingId(), earning.in(State.AVAILABLE));
        pending -= earning.net;
        available += earning.net;
    }

    @EventSourcingHandler
    void on(SessionEarningReversed event) {
        Earning earning = sessions.get(event.bookingId());
        if ("PENDING".equals(event.fromBucket())) {
            pending -= event.amount();
        } else {
            available -= event.amount();
        }
        sessions.put(event.bookingId(), earning.in(State.REVERSED));
    }

    @EventSourcingHandler
    void on(PayoutDestinationChanged event) {
        destinationMethod = event.method();
        destination = event.destination();
        destinationHeldUntil = event.holdUntil();
    }

    @EventSourcingHandler
    void on(PayoutFundsReserved event) {
        available -= event.amount();
        inPayout.put(event.payoutId(), event.amount());
    }

    @EventSourcingHandler
    void on(PayoutFundsPaid event) {
        inPayout.remove(event.payoutId());
        paidOut.put(event.payoutId(), event.amount());
    }

    @EventSourcingHandler
    void on(PayoutFundsReturned event) {
        inPayout.remove(event.payoutId());
        paidOut.remove(event.payoutId());
        available += event.amount();
    }

    private enum State { PENDING, AVAILABLE, REVERSED }

    private record Earning(long gross, long commission, long tds, long net, State state) {
        Earning in(State next) {
            return new Earning(gross, commission, tds, net, next);
        }
    }
}
