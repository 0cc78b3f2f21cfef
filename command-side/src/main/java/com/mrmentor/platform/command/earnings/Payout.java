package com.mrmentor.platform.command.earnings;

import com.mrmentor.platform.shared.earnings.EarningsIds;
import com.mrmentor.platform.shared.earnings.PayoutApproved;
import com.mrmentor.platform.shared.earnings.PayoutCancelled;
import com.mrmentor.platform.shared.earnings.PayoutFailed;
import com.mrmentor.platform.shared.earnings.PayoutMethod;
import com.mrmentor.platform.shared.earnings.PayoutProcessed;
import com.mrmentor.platform.shared.earnings.PayoutRejected;
import com.mrmentor.platform.shared.earnings.PayoutRequested;
import com.mrmentor.platform.shared.earnings.PayoutReversed;
import com.mrmentor.platform.shared.earnings.PayoutStatus;
import com.mrmentor.platform.shared.earnings.PayoutSubmissionDeferred;
import com.mrmentor.platform.shared.earnings.PayoutSubmitted;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One payout: its amount and destination, finance's decision, the provider's payout and its outcome.
 *
 * <p>States (RazorpayX's names): PENDING → QUEUED (approved by someone other than the mentor) → PROCESSING (the
 * provider accepted it) → PROCESSED (UTR), or REJECTED (finance, or undecided for the approval timeout), CANCELLED
 * (the mentor before it was sent, or the provider), FAILED (the provider refused or failed it), and REVERSED after
 * PROCESSED. Every transition happens once; a repeated or late report changes nothing. The transitions that move
 * money (all but approve and submit) run in {@link PayoutWorkflow} with the mentor's ledger.
 */
@Aggregate
public class Payout {

    @AggregateIdentifier
    private String id;
    private UUID payoutId;
    private UUID mentorId;
    private long amount;
    private PayoutMethod method;
    private String destination;
    private Instant notBefore;
    private PayoutStatus status;
    private String providerPayoutId;

    /** For Axon, which rebuilds the payout from its events. */
    protected Payout() {
    }

    /** A new payout request; its money was reserved in the same unit of work. */
    Payout(UUID payoutId, UUID mentorId, long amount, PayoutMethod method, String destination, String masked,
           Instant notBefore, Instant now) {
        apply(new PayoutRequested(payoutId, mentorId, amount, method, destination, masked, notBefore, now));
    }

    /** Finance approves (never the mentor): the payout joins the first batch after any destination hold. */
    PayoutApproved approve(UUID by, PayoutPolicy policy, Instant now) {
        if (status != PayoutStatus.PENDING) {
            throw EarningsRules.notPending(status);
        }
        requireOtherThanMentor(by);
        Instant sendAt = policy.nextBatch(notBefore != null && notBefore.isAfter(now) ? notBefore : now);
        PayoutApproved approved = new PayoutApproved(payoutId, mentorId, amount, by, policy.batchId(sendAt), sendAt,
                now);
        apply(approved);
        return approved;
    }

    // ---- reads and transitions for the workflow ------------------------------------------------------------------

    UUID mentorId() {
        return mentorId;
    }

    long amount() {
        return amount;
    }

    PayoutStatus status() {
        return status;
    }

    PayoutMethod method() {
        return method;
    }

    String destination() {
        return destination;
    }

    /** Rejects a payout not yet sent (finance, with a reason; or automatically once undecided too long). */
    boolean reject(UUID by, String reason, boolean automatic, Instant now) {
        if (automatic) {
            if (status != PayoutStatus.PENDING) {
                return false;
            }
        } else {
            requireOpen();
            requireOtherThanMentor(by);
            if (reason == null || reason.isBlank()) {
                throw EarningsRules.missing("reason");
            }
        }
        apply(new PayoutRejected(payoutId, mentorId, amount, reason.strip(), by, automatic, now));
        return true;
    }

    /** The mentor withdraws the payout before it is sent. */
    void cancel(UUID by, String reason, Instant now) {
        if (!mentorId.equals(by)) {
            throw EarningsRules.notYourPayout();
        }
        requireOpen();
        apply(new PayoutCancelled(payoutId, mentorId, amount,
                reason == null || reason.isBlank() ? "cancelled by the mentor" : reason.strip(), by, now));
    }

    /** Refusals of sending that need nothing but this payout. */
    void requireSendable(Instant now) {
        if (status != PayoutStatus.QUEUED) {
            throw EarningsRules.notQueued(status);
        }
        if (notBefore != null && now.isBefore(notBefore)) {
            throw EarningsRules.destinationOnHold(notBefore);
        }
    }

    void submitted(String provider, String providerId, boolean immediate, UUID by, Instant now) {
        apply(new PayoutSubmitted(payoutId, mentorId, amount, provider, providerId, immediate, by, now));
    }

    void deferred(String reason, Instant retryAt, Instant now) {
        apply(new PayoutSubmissionDeferred(payoutId, mentorId, reason, retryAt, now));
    }

    void failed(String reason, Instant now) {
        apply(new PayoutFailed(payoutId, mentorId, amount, providerPayoutId, reason, now));
    }

    /**
     * A verified provider report. Returns the state it moved the payout to, or null when it changed nothing (a
     * repeated report, an intermediate state, a report about a payout already final).
     */
    PayoutStatus settle(String providerId, String providerStatus, long reportedAmount, String utr, String reason,
                        Instant now) {
        if (providerPayoutId == null || !providerPayoutId.equals(providerId) || reportedAmount != amount) {
            throw EarningsRules.providerMismatch();
        }
        String outcome = providerStatus == null ? "" : providerStatus.toLowerCase(Locale.ROOT);
        switch (outcome) {
            case "processed" -> {
                if (status == PayoutStatus.PROCESSING) {
                    apply(new PayoutProcessed(payoutId, mentorId, amount, providerPayoutId, utr, now));
                    return PayoutStatus.PROCESSED;
                }
            }
            case "failed", "rejected" -> {
                if (status == PayoutStatus.PROCESSING) {
                    apply(new PayoutFailed(payoutId, mentorId, amount, providerPayoutId,
                            reason == null || reason.isBlank() ? "the provider reported the payout " + outcome
                                    : reason, now));
                    return PayoutStatus.FAILED;
                }
            }
            case "cancelled" -> {
                if (status == PayoutStatus.PROCESSING) {
                    apply(new PayoutCancelled(payoutId, mentorId, amount,
                            reason == null || reason.isBlank() ? "cancelled by the provider" : reason, null, now));
                    return PayoutStatus.CANCELLED;
                }
            }
            case "reversed" -> {
                if (status == PayoutStatus.PROCESSED || status == PayoutStatus.PROCESSING) {
                    apply(new PayoutReversed(payoutId, mentorId, amount, providerPayoutId, utr,
                            reason == null || reason.isBlank() ? "the bank returned the payout" : reason, now));
                    return PayoutStatus.REVERSED;
                }
            }
            default -> {
                // queued, pending, processing, initiated, updated: nothing to record
            }
        }
        return null;
    }

    private void requireOpen() {
        if (status != PayoutStatus.PENDING && status != PayoutStatus.QUEUED) {
            throw EarningsRules.notOpen(status);
        }
    }

    private void requireOtherThanMentor(UUID actor) {
        if (actor == null || actor.equals(mentorId)) {
            throw EarningsRules.fourEyes();
        }
    }

    // ---- state changes, only from events ---------------------------------------------------------------------

    @EventSourcingHandler
    void on(PayoutRequested event) {
        id = EarningsIds.payout(event.payoutId());
        payoutId = event.payoutId();
        mentorId = event.mentorId();
        amount = event.amount();
        method = event.method();
        destination = event.destination();
        notBefore = event.notBefore();
        status = PayoutStatus.PENDING;
    }

    @EventSourcingHandler
    void on(PayoutApproved event) {
        status = PayoutStatus.QUEUED;
    }

    @EventSourcingHandler
    void on(PayoutRejected event) {
        status = PayoutStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(PayoutCancelled event) {
        status = PayoutStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(PayoutSubmitted event) {
        status = PayoutStatus.PROCESSING;
        providerPayoutId = event.providerPayoutId();
    }

    @EventSourcingHandler
    void on(PayoutProcessed event) {
        status = PayoutStatus.PROCESSED;
    }

    @EventSourcingHandler
    void on(PayoutFailed event) {
        status = PayoutStatus.FAILED;
    }

    @EventSourcingHandler
    void on(PayoutReversed event) {
        status = PayoutStatus.REVERSED;
    }
}
