package com.mrmentor.platform.command.earnings;

import com.mrmentor.platform.shared.earnings.ApprovePayout;
import com.mrmentor.platform.shared.earnings.CancelPayout;
import com.mrmentor.platform.shared.earnings.PayoutApproved;
import com.mrmentor.platform.shared.earnings.EarningsIds;
import com.mrmentor.platform.shared.earnings.ExpirePayoutRequest;
import com.mrmentor.platform.shared.earnings.PayoutStatus;
import com.mrmentor.platform.shared.earnings.RejectPayout;
import com.mrmentor.platform.shared.earnings.RequestPayout;
import com.mrmentor.platform.shared.earnings.SettlePayout;
import com.mrmentor.platform.shared.earnings.SubmitPayout;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The payout commands that move money, each one unit of work (one transaction) over the payout and its mentor's
 * earnings ledger:
 *
 * <ul>
 *   <li>a request loads the ledger first — concurrent requests of one mentor queue on it, so of two that together
 *       exceed the available balance exactly one succeeds — records the destination (a change holds payouts), reserves
 *       the amount (available → in payout) and creates the payout;</li>
 *   <li>a rejection (finance, or the approval timeout), a cancellation, a provider's refusal, failure, cancellation
 *       or reversal moves the payout to its final state and returns the money to available in the same transaction.
 *       A payout reaches a final state once, and the ledger returns a payout's money once, so a repeated report
 *       returns nothing;</li>
 *   <li>sending asks the provider (our payout id is its idempotency key) and records its payout id; a refusal fails
 *       the payout and returns the money; an unreachable provider answers 503 to finance, or defers a batch's
 *       payout to a later try;</li>
 *   <li>a processed report moves the money from in payout to paid.</li>
 * </ul>
 */
@Component
public class PayoutWorkflow {

    private final Repository<Payout> payouts;
    private final Repository<MentorEarnings> ledgers;
    private final EventStore events;
    private final PayoutPolicy policy;
    private final PayoutProvider provider;
    private final PayoutProviderEventLog providerEvents;
    private final Clock clock;

    public PayoutWorkflow(@Qualifier("payoutRepository") Repository<Payout> payouts,
                          @Qualifier("mentorEarningsRepository") Repository<MentorEarnings> ledgers,
                          EventStore events, PayoutPolicy policy, PayoutProvider provider,
                          PayoutProviderEventLog providerEvents, Clock clock) {
        this.payouts = payouts;
        this.ledgers = ledgers;
        this.events = events;
        this.policy = policy;
        this.provider = provider;
        this.providerEvents = providerEvents;
        this.clock = clock;
    }

    /** A mentor's payout request. Returns the end of the destination hold, if any (null: none). */
    @CommandHandler
    public Requested handle(RequestPayout command) throws Exception {
        if (command.payoutId() == null || command.mentorId() == null) {
            throw EarningsRules.missing("payout");
        }
        String destination = PayoutDestinations.normalise(command.method(), command.destination());
        String masked = PayoutDestinations.mask(command.method(), destination);
        if (exists(EarningsIds.payout(command.payoutId()))) {
            throw EarningsRules.duplicatePayout();
        }
        if (command.amount() < policy.minimumAmount()) {
            throw EarningsRules.belowMinimum(policy.minimumAmount());
        }
        if (!exists(EarningsIds.ledger(command.mentorId()))) {
            throw EarningsRules.insufficientEarnings(0);
        }
        Aggregate<MentorEarnings> ledger = ledgers.load(EarningsIds.ledger(command.mentorId()));
        Instant now = clock.instant();
        long available = ledger.invoke(MentorEarnings::available);
        if (command.amount() > available) {
            throw EarningsRules.insufficientEarnings(available);
        }
        Instant notBefore = ledger.invoke(l -> l.useDestination(command.method(), destination, masked,
                policy.destinationHold(), now));
        ledger.execute(l -> l.reserve(command.payoutId(), command.amount(), policy.minimumAmount(), now));
        payouts.newInstance(() -> new Payout(command.payoutId(), command.mentorId(), command.amount(),
                command.method(), destination, masked, notBefore, now));
        return new Requested(command.payoutId(), command.amount(), masked, notBefore);
    }

    /** Finance approves a pending payout (not its requester); nothing moves until it is sent. */
    @CommandHandler
    public PayoutApproved handle(ApprovePayout command) {
        Instant now = clock.instant();
        return payout(command.payoutId()).invoke(p -> p.approve(command.approvedBy(), policy, now));
    }

    /** Finance rejects a payout not yet sent; the money returns. */
    @CommandHandler
    public void handle(RejectPayout command) {
        Aggregate<Payout> payout = payout(command.payoutId());
        Instant now = clock.instant();
        if (payout.invoke(p -> p.reject(command.rejectedBy(), command.reason(), false, now))) {
            giveBack(payout, PayoutStatus.REJECTED, "rejected: " + command.reason().strip(), now);
        }
    }

    /** The approval timeout: a payout still pending is rejected and its money returned. */
    @CommandHandler
    public void handle(ExpirePayoutRequest command) {
        Aggregate<Payout> payout = payout(command.payoutId());
        Instant now = clock.instant();
        String reason = "not decided within " + policy.approvalTimeout().toDays() + " days";
        if (payout.invoke(p -> p.reject(null, reason, true, now))) {
            giveBack(payout, PayoutStatus.REJECTED, reason, now);
        }
    }

    /** The mentor withdraws a payout not yet sent. */
    @CommandHandler
    public void handle(CancelPayout command) {
        Aggregate<Payout> payout = payout(command.payoutId());
        Instant now = clock.instant();
        payout.execute(p -> p.cancel(command.mentorId(), command.reason(), now));
        giveBack(payout, PayoutStatus.CANCELLED, "cancelled by the mentor", now);
    }

    /** Sends an approved payout: its batch, or finance at once. */
    @CommandHandler
    public PayoutStatus handle(SubmitPayout command) {
        Aggregate<Payout> payout = payout(command.payoutId());
        Instant now = clock.instant();
        if (!command.immediate() && payout.invoke(Payout::status) != PayoutStatus.QUEUED) {
            return payout.invoke(Payout::status); // sent at once before its batch, or decided otherwise
        }
        payout.execute(p -> p.requireSendable(now));
        Payout p = payout.invoke(x -> x);
        try {
            PayoutProvider.ProviderPayout created = provider.createPayout(command.payoutId().toString(), p.amount(),
                    "INR", p.method(), p.destination(), "Mentor earnings " + command.payoutId().toString()
                            .substring(0, 8));
            payout.execute(x -> x.submitted(provider.name(), created.id(), command.immediate(),
                    command.submittedBy(), now));
            return PayoutStatus.PROCESSING;
        } catch (PayoutProvider.PayoutRefused refused) {
            String reason = "the provider refused the payout: " + refused.getMessage();
            payout.execute(x -> x.failed(reason, now));
            giveBack(payout, PayoutStatus.FAILED, reason, now);
            return PayoutStatus.FAILED;
        } catch (PayoutProvider.ProviderUnavailable unavailable) {
            if (command.immediate()) {
                throw EarningsRules.providerUnavailable(unavailable.getMessage());
            }
            payout.execute(x -> x.deferred(unavailable.getMessage(), now.plus(policy.retryAfter()), now));
            return PayoutStatus.QUEUED;
        }
    }

    /** A verified webhook's report on a payout. Returns the state it moved to, or null if it changed nothing. */
    @CommandHandler
    public PayoutStatus handle(SettlePayout command) {
        providerEvents.remember(command.providerEventId(), "payout." + command.providerStatus(), clock.instant());
        Aggregate<Payout> payout = payout(command.payoutId());
        Instant now = clock.instant();
        PayoutStatus moved = payout.invoke(p -> p.settle(command.providerPayoutId(), command.providerStatus(),
                command.amount(), command.utr(), command.reason(), now));
        if (moved == PayoutStatus.PROCESSED) {
            ledger(payout).execute(l -> l.paid(command.payoutId(), command.utr(), now));
        } else if (moved != null) {
            String reason = switch (moved) {
                case REVERSED -> "reversed: ";
                case CANCELLED -> "cancelled: ";
                default -> "failed: ";
            } + (command.reason() == null || command.reason().isBlank() ? "reported by the provider"
                    : command.reason());
            giveBack(payout, moved, reason, now);
        }
        return moved;
    }

    private void giveBack(Aggregate<Payout> payout, PayoutStatus outcome, String reason, Instant now) {
        UUID payoutId = UUID.fromString(payout.identifierAsString().substring(EarningsIds.PAYOUT_PREFIX.length()));
        ledger(payout).execute(l -> l.returnFunds(payoutId, outcome, reason, now));
    }

    private Aggregate<MentorEarnings> ledger(Aggregate<Payout> payout) {
        return ledgers.load(EarningsIds.ledger(payout.invoke(Payout::mentorId)));
    }

    private Aggregate<Payout> payout(UUID payoutId) {
        if (payoutId == null || !exists(EarningsIds.payout(payoutId))) {
            throw EarningsRules.unknownPayout();
        }
        return payouts.load(EarningsIds.payout(payoutId));
    }

    /** Asked of the event store rather than the repository, which logs every miss as a warning. */
    private boolean exists(String aggregateId) {
        return events.lastSequenceNumberFor(aggregateId).isPresent();
    }

    /**
     * A payout request accepted.
     *
     * @param notBefore the end of a destination change's hold (null: none)
     */
    public record Requested(UUID payoutId, long amount, String destination, Instant notBefore) {
    }
}
