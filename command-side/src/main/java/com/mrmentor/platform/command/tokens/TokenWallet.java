package com.mrmentor.platform.command.tokens;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.mrmentor.platform.command.common.AggregateCaches;
import com.mrmentor.platform.shared.common.MetadataKeys;
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
import com.mrmentor.platform.shared.tokens.WalletIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One user's token wallet, kept as lots (one per grant) so that expiry, revocation and spending order are exact.
 *
 * <p>Invariants: amounts are positive; available (owned minus held) never goes negative; a hold resolves exactly
 * once; a grant above the threshold is credited only after a second, different user approves it. Held tokens of a
 * grant that expires or is revoked stay held: captured they count as spent, released they are removed then.
 */
@Aggregate(snapshotTriggerDefinition = TokenWalletSnapshots.TRIGGER, snapshotFilter = TokenWalletSnapshots.FILTER,
        cache = AggregateCaches.TOKEN_WALLETS)
@Revision(TokenWalletSnapshots.REVISION)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class TokenWallet {

    static final String GRANT_EXPIRY_DEADLINE = "token-grant-expiry";
    static final String HOLD_EXPIRY_DEADLINE = "token-hold-expiry";

    /** Spend promotional tokens first, then those expiring earliest (never-expiring last), then the oldest grant. */
    private static final Comparator<Lot> SPENDING_ORDER = Comparator
            .comparing((Lot lot) -> lot.category == TokenCategory.PROMOTIONAL ? 0 : 1)
            .thenComparing(lot -> lot.expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(lot -> lot.order);

    @AggregateIdentifier
    private String walletId;
    private UUID userId;
    private final Map<UUID, TokenGrantStatus> grantStatuses = new HashMap<>();
    private final Map<UUID, TokenGrantRequested> pendingGrants = new HashMap<>();
    private final Map<UUID, Lot> lots = new LinkedHashMap<>();
    private final Map<UUID, Hold> activeHolds = new HashMap<>();
    private long balance;
    private long held;

    /** For Axon, which rebuilds the wallet from its events. */
    protected TokenWallet() {
    }

    /**
     * Opens the wallet of {@code owner}, who never had one, for a first credit that is not a command of its own (a
     * purchase, see {@link #creditPurchase}).
     */
    public TokenWallet(UUID owner) {
        apply(new TokenWalletOpened(owner));
    }

    // ---- grants ----------------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public TokenGrantStatus handle(RequestTokenGrant command, TokenPolicy policy, DeadlineManager deadlines,
                                   Clock clock) {
        requirePositive(command.amount());
        if (command.category() == null) {
            throw TokenRules.missing("category");
        }
        if (isBlank(command.reason())) {
            throw TokenRules.missing("reason");
        }
        if (command.expiresAt() != null && !command.expiresAt().isAfter(clock.instant())) {
            throw TokenRules.expiryNotInFuture("grant");
        }
        openIfNew(command.userId());
        if (grantStatuses.containsKey(command.grantId())) {
            throw TokenRules.duplicateGrant();
        }
        if (policy.needsApproval(command.amount())) {
            apply(new TokenGrantRequested(userId, command.grantId(), command.amount(), command.category(),
                    command.reason(), command.expiresAt(), command.requestedBy(), policy.approvalThreshold(),
                    clock.instant().plus(policy.approvalTimeout())));
            return TokenGrantStatus.PENDING_APPROVAL;
        }
        credit(command.grantId(), command.amount(), command.category(), command.reason(), command.expiresAt(),
                command.requestedBy(), null, GrantSource.MANUAL, null, deadlines);
        return TokenGrantStatus.GRANTED;
    }

    @CommandHandler
    public TokenGrantStatus handle(ApproveTokenGrant command, DeadlineManager deadlines, Clock clock) {
        TokenGrantRequested request = decidableRequest(command.grantId(), clock);
        if (request.requestedBy().equals(command.approvedBy())) {
            throw TokenRules.selfApproval();
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            throw TokenRules.grantExpiryPassed();
        }
        apply(new TokenGrantApproved(userId, command.grantId(), command.approvedBy()));
        credit(request.grantId(), request.amount(), request.category(), request.reason(), request.expiresAt(),
                request.requestedBy(), command.approvedBy(), GrantSource.MANUAL, null, deadlines);
        return TokenGrantStatus.GRANTED;
    }

    @CommandHandler
    public TokenGrantStatus handle(RejectTokenGrant command, Clock clock) {
        if (isBlank(command.reason())) {
            throw TokenRules.missing("reason");
        }
        decidableRequest(command.grantId(), clock);
        apply(new TokenGrantRejected(userId, command.grantId(), command.rejectedBy(), command.reason()));
        return TokenGrantStatus.REJECTED;
    }

    /** Sent by the approval saga's deadline; a request decided meanwhile is left as it is. */
    @CommandHandler
    public void handle(LapseTokenGrant command) {
        if (pendingGrants.containsKey(command.grantId())) {
            apply(new TokenGrantLapsed(userId, command.grantId()));
        }
    }

    @CommandHandler
    public long handle(RevokeTokenGrant command) {
        if (isBlank(command.reason())) {
            throw TokenRules.missing("reason");
        }
        TokenGrantStatus status = grantStatuses.get(command.grantId());
        if (status == null) {
            throw TokenRules.grantNotFound();
        }
        Lot lot = lots.get(command.grantId());
        if (status != TokenGrantStatus.GRANTED || lot == null || lot.remaining == 0) {
            throw TokenRules.grantNotRevocable(lot != null && lot.remaining == 0 ? "fully used" : status);
        }
        long removed = lot.unheld();
        apply(new TokenGrantRevoked(userId, lot.grantId, lot.category, removed, command.reason(),
                command.revokedBy(), balance - removed, held));
        return removed;
    }

    /**
     * Credits the PAID tokens of a captured purchase, never subject to the approval threshold: the buyer's money is
     * the approval. This is deliberately not a command handler: nothing can send it over the command bus or HTTP.
     * Only the payments workflow calls it, in the unit of work in which the payment order records its capture, so
     * a purchase credits exactly one grant (its id derives from the order; a second credit of it is refused). The
     * grant names its order ({@code orderId}) and has no granting person.
     */
    public void creditPurchase(UUID grantId, long tokens, UUID orderId, String reason, DeadlineManager deadlines) {
        requirePositive(tokens);
        java.util.Objects.requireNonNull(orderId, "a purchase names its payment order");
        if (grantStatuses.containsKey(grantId)) {
            throw TokenRules.duplicateGrant();
        }
        credit(grantId, tokens, TokenCategory.PAID, reason, null, null, null, GrantSource.PURCHASE, orderId,
                deadlines);
    }

    /** The tokens of a grant still in the wallet, and how many of them are held; zeros once it is closed. */
    public GrantBalance grantBalance(UUID grantId) {
        Lot lot = lots.get(grantId);
        if (lot == null || lot.closedAs != null) {
            return new GrantBalance(0, 0);
        }
        return new GrantBalance(lot.remaining, lot.held);
    }

    /** What is left of one grant: {@code remaining} tokens, {@code held} of them reserved by holds. */
    public record GrantBalance(long remaining, long held) {
    }

    @DeadlineHandler(deadlineName = GRANT_EXPIRY_DEADLINE)
    public void on(GrantExpiryDue due) {
        Lot lot = lots.get(due.grantId());
        if (lot == null || lot.closedAs != null || lot.remaining == 0) {
            return; // revoked meanwhile, or used up: nothing left to expire
        }
        long expiring = lot.unheld();
        apply(new TokenGrantExpired(userId, lot.grantId, lot.category, expiring, balance - expiring, held));
    }

    // ---- holds (two-phase spend) -------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PlaceTokenHold command, DeadlineManager deadlines, Clock clock) {
        requirePositive(command.amount());
        if (isBlank(command.reference())) {
            throw TokenRules.missing("reference");
        }
        if (command.expiresAt() == null || !command.expiresAt().isAfter(clock.instant())) {
            throw TokenRules.expiryNotInFuture("hold");
        }
        // The id of a resolved hold is refused by TokenWalletDirectory (unique across all wallets), so the wallet
        // need not remember every hold it ever had: its snapshots stay the size of its open business.
        if (activeHolds.containsKey(command.holdId())) {
            throw TokenRules.duplicateHold();
        }
        expireOverdueLots(clock.instant());
        long available = balance - held;
        if (available < command.amount()) {
            throw TokenRules.insufficientTokens(available, command.amount());
        }
        openIfNew(command.userId());
        apply(new TokensHeld(userId, command.holdId(), command.amount(), command.reference(), command.expiresAt(),
                allocate(command.amount()), command.placedBy(), balance, held + command.amount()));
        // The hold is not cancelled when resolved: the deadline handler ignores holds that are no longer active.
        deadlines.schedule(command.expiresAt(), HOLD_EXPIRY_DEADLINE,
                bySystem(new HoldExpiryDue(command.holdId(), command.expiresAt())));
    }

    @CommandHandler
    public void handle(CaptureTokenHold command, Clock clock) {
        Hold hold = activeHold(command.holdId());
        if (!hold.expiresAt.isAfter(clock.instant())) {
            throw TokenRules.holdExpired();
        }
        apply(new TokenHoldCaptured(userId, hold.holdId, hold.amount, hold.reference, hold.allocations,
                command.capturedBy(), balance - hold.amount, held - hold.amount));
    }

    @CommandHandler
    public void handle(ReleaseTokenHold command) {
        release(activeHold(command.holdId()), HoldReleaseReason.RELEASED, command.note(), command.releasedBy());
    }

    /** Only an active hold can be extended, only forward, and never once its expiry has passed. */
    @CommandHandler
    public void handle(ExtendTokenHold command, DeadlineManager deadlines, Clock clock) {
        Hold hold = activeHold(command.holdId());
        if (!hold.expiresAt.isAfter(clock.instant())) {
            throw TokenRules.holdExpired();
        }
        if (command.expiresAt() == null || !command.expiresAt().isAfter(hold.expiresAt)) {
            throw TokenRules.expiryNotLater();
        }
        apply(new TokenHoldExtended(userId, hold.holdId, hold.expiresAt, command.expiresAt(), command.extendedBy()));
        // the deadline of the old expiry still fires; it finds the hold not yet due and leaves it
        deadlines.schedule(command.expiresAt(), HOLD_EXPIRY_DEADLINE,
                bySystem(new HoldExpiryDue(hold.holdId, command.expiresAt())));
    }

    /**
     * Releases a hold still active once its expiry has come by the platform's clock. A hold extended since this
     * deadline was scheduled is not due yet (a later deadline will come for it); a deadline that fires early, on a
     * node whose clock runs ahead, leaves the hold for the same reason.
     */
    @DeadlineHandler(deadlineName = HOLD_EXPIRY_DEADLINE)
    public void on(HoldExpiryDue due, Clock clock) {
        Hold hold = activeHolds.get(due.holdId());
        if (hold != null && !hold.expiresAt.isAfter(clock.instant())) {
            release(hold, HoldReleaseReason.EXPIRED, null, null);
        }
    }

    // ---- decisions shared by several handlers ----------------------------------------------------------------

    private void openIfNew(UUID owner) {
        if (walletId == null) {
            apply(new TokenWalletOpened(owner));
        }
    }

    private void credit(UUID grantId, long amount, TokenCategory category, String reason, Instant expiresAt,
                        UUID grantedBy, UUID approvedBy, GrantSource source, UUID orderId,
                        DeadlineManager deadlines) {
        long balanceAfter;
        try {
            balanceAfter = Math.addExact(balance, amount);
        } catch (ArithmeticException overflow) {
            throw TokenRules.amountTooLarge();
        }
        apply(new TokensGranted(userId, grantId, amount, category, reason, expiresAt, grantedBy, approvedBy,
                balanceAfter, held, source, orderId));
        if (expiresAt != null) {
            deadlines.schedule(expiresAt, GRANT_EXPIRY_DEADLINE, bySystem(new GrantExpiryDue(grantId)));
        }
    }

    /**
     * Expires, now, lots whose expiry has passed but whose deadline has not fired yet (the scheduler polls, and may
     * be down): their tokens must not be spent. The deadline then finds the lot closed and does nothing.
     */
    private void expireOverdueLots(Instant now) {
        for (Lot lot : List.copyOf(lots.values())) {
            if (lot.closedAs == null && lot.remaining > 0 && lot.expiresAt != null && !lot.expiresAt.isAfter(now)) {
                long expiring = lot.unheld();
                apply(new TokenGrantExpired(userId, lot.grantId, lot.category, expiring, balance - expiring, held));
            }
        }
    }

    private void release(Hold hold, HoldReleaseReason reason, String note, UUID releasedBy) {
        apply(new TokenHoldReleased(userId, hold.holdId, hold.amount, hold.reference, hold.allocations, reason,
                note, releasedBy, balance, held - hold.amount));
        // Released tokens of a grant that expired or was revoked while they were held leave the wallet now.
        for (LotAllocation allocation : hold.allocations) {
            Lot lot = lots.get(allocation.grantId());
            if (lot.closedAs == TokenGrantStatus.EXPIRED) {
                apply(new TokenGrantExpired(userId, lot.grantId, lot.category, allocation.amount(),
                        balance - allocation.amount(), held));
            } else if (lot.closedAs == TokenGrantStatus.REVOKED) {
                apply(new TokenGrantRevoked(userId, lot.grantId, lot.category, allocation.amount(),
                        lot.closingReason, lot.closedBy, balance - allocation.amount(), held));
            }
        }
    }

    private List<LotAllocation> allocate(long amount) {
        List<LotAllocation> allocations = new ArrayList<>();
        long outstanding = amount;
        for (Lot lot : lots.values().stream().filter(Lot::isSpendable).sorted(SPENDING_ORDER).toList()) {
            long taken = Math.min(outstanding, lot.unheld());
            allocations.add(new LotAllocation(lot.grantId, lot.category, taken));
            outstanding -= taken;
            if (outstanding == 0) {
                break;
            }
        }
        return List.copyOf(allocations);
    }

    /** A pending request still inside its approval window; the saga's lapse may arrive later, or never. */
    private TokenGrantRequested decidableRequest(UUID grantId, Clock clock) {
        TokenGrantRequested request = pendingRequest(grantId);
        if (!clock.instant().isBefore(request.decideBy())) {
            throw TokenRules.grantRequestLapsed();
        }
        return request;
    }

    private TokenGrantRequested pendingRequest(UUID grantId) {
        TokenGrantRequested request = pendingGrants.get(grantId);
        if (request == null) {
            TokenGrantStatus status = grantStatuses.get(grantId);
            throw status == null ? TokenRules.grantNotFound() : TokenRules.grantNotPending(status);
        }
        return request;
    }

    private Hold activeHold(UUID holdId) {
        Hold hold = activeHolds.get(holdId);
        if (hold == null) {
            // Commands reach the wallet only for holds the directory knows (unknown ids are a 404 before that),
            // so a hold that is not active here was captured, released or expired.
            throw TokenRules.holdAlreadyResolved();
        }
        return hold;
    }

    /** Deadlines act for the platform, not for the user whose command scheduled them. */
    private static Message<?> bySystem(Object deadlinePayload) {
        return new GenericMessage<>(deadlinePayload, Map.of(MetadataKeys.USER_ID, MetadataKeys.SYSTEM_ACTOR));
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw TokenRules.invalidAmount(amount);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    // ---- state changes, only from events ---------------------------------------------------------------------

    @EventSourcingHandler
    void on(TokenWalletOpened event) {
        walletId = WalletIds.of(event.userId());
        userId = event.userId();
    }

    @EventSourcingHandler
    void on(TokenGrantRequested event) {
        grantStatuses.put(event.grantId(), TokenGrantStatus.PENDING_APPROVAL);
        pendingGrants.put(event.grantId(), event);
    }

    @EventSourcingHandler
    void on(TokenGrantApproved event) {
        pendingGrants.remove(event.grantId());
    }

    @EventSourcingHandler
    void on(TokenGrantRejected event) {
        pendingGrants.remove(event.grantId());
        grantStatuses.put(event.grantId(), TokenGrantStatus.REJECTED);
    }

    @EventSourcingHandler
    void on(TokenGrantLapsed event) {
        pendingGrants.remove(event.grantId());
        grantStatuses.put(event.grantId(), TokenGrantStatus.LAPSED);
    }

    @EventSourcingHandler
    void on(TokensGranted event) {
        grantStatuses.put(event.grantId(), TokenGrantStatus.GRANTED);
        lots.put(event.grantId(), new Lot(event.grantId(), event.category(), event.amount(), event.expiresAt(),
                lots.size()));
        balance += event.amount();
    }

    @EventSourcingHandler
    void on(TokenGrantExpired event) {
        Lot lot = lots.get(event.grantId());
        lot.close(TokenGrantStatus.EXPIRED, null, null);
        lot.remaining -= event.amount();
        balance -= event.amount();
        grantStatuses.put(event.grantId(), TokenGrantStatus.EXPIRED);
    }

    @EventSourcingHandler
    void on(TokenGrantRevoked event) {
        Lot lot = lots.get(event.grantId());
        lot.close(TokenGrantStatus.REVOKED, event.reason(), event.revokedBy());
        lot.remaining -= event.amount();
        balance -= event.amount();
        grantStatuses.put(event.grantId(), TokenGrantStatus.REVOKED);
    }

    @EventSourcingHandler
    void on(TokensHeld event) {
        activeHolds.put(event.holdId(), new Hold(event.holdId(), event.amount(), event.reference(),
                event.expiresAt(), event.allocations()));
        event.allocations().forEach(a -> lots.get(a.grantId()).held += a.amount());
        held += event.amount();
    }

    @EventSourcingHandler
    void on(TokenHoldCaptured event) {
        resolve(event.holdId());
        event.allocations().forEach(a -> {
            Lot lot = lots.get(a.grantId());
            lot.held -= a.amount();
            lot.remaining -= a.amount();
        });
        held -= event.amount();
        balance -= event.amount();
    }

    @EventSourcingHandler
    void on(TokenHoldExtended event) {
        activeHolds.computeIfPresent(event.holdId(), (id, hold) -> new Hold(hold.holdId, hold.amount, hold.reference,
                event.expiresAt(), hold.allocations));
    }

    @EventSourcingHandler
    void on(TokenHoldReleased event) {
        resolve(event.holdId());
        event.allocations().forEach(a -> lots.get(a.grantId()).held -= a.amount());
        held -= event.amount();
    }

    private void resolve(UUID holdId) {
        activeHolds.remove(holdId);
    }

    /** The tokens of one grant still in the wallet. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    private static final class Lot {
        private UUID grantId;
        private TokenCategory category;
        private Instant expiresAt;
        private long order;
        private long remaining;
        private long held;
        private TokenGrantStatus closedAs;
        private String closingReason;
        private UUID closedBy;

        /** For snapshots. */
        private Lot() {
        }

        private Lot(UUID grantId, TokenCategory category, long amount, Instant expiresAt, long order) {
            this.grantId = grantId;
            this.category = category;
            this.remaining = amount;
            this.expiresAt = expiresAt;
            this.order = order;
        }

        private long unheld() {
            return remaining - held;
        }

        private boolean isSpendable() {
            return closedAs == null && unheld() > 0;
        }

        private void close(TokenGrantStatus status, String reason, UUID by) {
            if (closedAs == null) {
                closedAs = status;
                closingReason = reason;
                closedBy = by;
            }
        }
    }

    /** Tokens reserved and not yet captured or released. */
    private record Hold(UUID holdId, long amount, String reference, Instant expiresAt,
                        List<LotAllocation> allocations) {
    }
}
