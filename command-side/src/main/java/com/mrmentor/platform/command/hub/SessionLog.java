package com.mrmentor.platform.command.hub;

import com.mrmentor.platform.shared.hub.HubIds;
import com.mrmentor.platform.shared.hub.PairSide;
import com.mrmentor.platform.shared.hub.ResolveSupportRequest;
import com.mrmentor.platform.shared.hub.SessionLogCompleted;
import com.mrmentor.platform.shared.hub.SessionLogHalfSubmitted;
import com.mrmentor.platform.shared.hub.SubmitSessionLogHalf;
import com.mrmentor.platform.shared.hub.SupportRequestResolved;
import com.mrmentor.platform.shared.hub.SupportRequested;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The log of one pair's session on one date, in two halves: the mentor's and the mentee's. Each side writes only its
 * own half (topic, score 1–5, needs-support flag with a reason) and may correct it; nobody writes the other's. Only
 * the mentor and mentee of an active pairing log. The log is complete once both halves are in. Flagging a half raises
 * a support request for the administrators, unless that side's flag with the same reason is already on record or a
 * request of that side is still open.
 *
 * <p>A resubmission identical to the half on record records nothing, so a retried request does not raise a second
 * support request or a correction.
 */
@Aggregate
public class SessionLog {

    /** Dates are calendar dates of the pair; a date up to one day ahead of UTC is today somewhere on Earth. */
    private static final int DAYS_AHEAD_ALLOWED = 1;

    @AggregateIdentifier
    private String logId;
    private UUID pairingId;
    private LocalDate sessionDate;
    private final Map<PairSide, Half> halves = new EnumMap<>(PairSide.class);
    private boolean completed;
    private final Map<PairSide, UUID> openSupportRequest = new EnumMap<>(PairSide.class);
    private final Map<UUID, Request> supportRequests = new HashMap<>();

    /** For Axon, which rebuilds the log from its events. */
    protected SessionLog() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SubmitSessionLogHalf command, HubPairings pairings, HubPolicy policy, Clock clock) {
        require(command.pairingId() != null, "pairing");
        require(command.sessionDate() != null, "session-date");
        HubPairings.Pairing pairing = pairings.pairing(command.pairingId())
                .orElseThrow(HubRules::pairingNotFound);
        PairSide side;
        if (pairing.mentorId().equals(command.author())) {
            side = PairSide.MENTOR;
        } else if (pairing.menteeId().equals(command.author())) {
            side = PairSide.MENTEE;
        } else {
            throw HubRules.notInPairing();
        }
        if (!pairing.active()) {
            throw HubRules.pairingEnded();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (command.sessionDate().isAfter(today.plusDays(DAYS_AHEAD_ALLOWED))) {
            throw HubRules.invalid("session-date", "is in the future; log a session once it happened");
        }
        if (command.sessionDate().isBefore(today.minus(policy.maxLogAge()))) {
            throw HubRules.invalid("session-date", "is more than " + policy.maxLogAge().getDays() + " days ago");
        }
        require(!isBlank(command.topic()), "topic");
        require(command.score() != null, "score");
        if (command.score() < 1 || command.score() > 5) {
            throw HubRules.invalid("score", "must be from 1 to 5");
        }
        if (command.needsSupport()) {
            require(!isBlank(command.supportReason()), "support-reason");
        }
        String topic = command.topic().trim();
        String reason = command.needsSupport() ? command.supportReason().trim() : null;
        Half previous = halves.get(side);
        Half next = new Half(topic, command.score(), command.needsSupport(), reason);
        if (next.equals(previous)) {
            return; // the same half again (a retry): nothing to record
        }
        Instant now = clock.instant();
        apply(new SessionLogHalfSubmitted(command.pairingId(), command.sessionDate(), pairing.mentorId(),
                pairing.menteeId(), side, command.author(), topic, command.score(), command.needsSupport(), reason,
                previous != null, now));
        if (!completed && halves.containsKey(opposite(side))) {
            apply(new SessionLogCompleted(command.pairingId(), command.sessionDate(), pairing.mentorId(),
                    pairing.menteeId(), now));
        }
        boolean alreadyFlaggedSo = previous != null && previous.needsSupport
                && Objects.equals(previous.supportReason, reason);
        if (command.needsSupport() && !alreadyFlaggedSo && !openSupportRequest.containsKey(side)) {
            require(command.supportRequestId() != null, "support-request-id");
            apply(new SupportRequested(command.pairingId(), command.sessionDate(), command.supportRequestId(),
                    pairing.mentorId(), pairing.menteeId(), side, command.author(), reason, now));
        }
    }

    @CommandHandler
    public void handle(ResolveSupportRequest command, Clock clock) {
        Request request = supportRequests.get(command.supportRequestId());
        if (request == null) {
            throw HubRules.supportRequestNotFound();
        }
        if (request.resolved()) {
            throw HubRules.supportRequestResolved();
        }
        apply(new SupportRequestResolved(pairingId, sessionDate, command.supportRequestId(), request.raisedBy(),
                command.resolvedBy(), isBlank(command.note()) ? null : command.note().trim(), clock.instant()));
    }

    private static PairSide opposite(PairSide side) {
        return side == PairSide.MENTOR ? PairSide.MENTEE : PairSide.MENTOR;
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw HubRules.missing(what);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** A half as last submitted (in memory only: snapshots are not taken of logs, so no text is stored twice). */
    private record Half(String topic, int score, boolean needsSupport, String supportReason) {
    }

    private record Request(UUID raisedBy, boolean resolved) {
    }

    // ---- state ----------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(SessionLogHalfSubmitted event) {
        logId = HubIds.sessionLog(event.pairingId(), event.sessionDate());
        pairingId = event.pairingId();
        sessionDate = event.sessionDate();
        halves.put(event.side(), new Half(event.topic(), event.score(), event.needsSupport(),
                event.supportReason()));
    }

    @EventSourcingHandler
    void on(SessionLogCompleted event) {
        completed = true;
    }

    @EventSourcingHandler
    void on(SupportRequested event) {
        openSupportRequest.put(event.side(), event.supportRequestId());
        supportRequests.put(event.supportRequestId(), new Request(event.raisedBy(), false));
    }

    @EventSourcingHandler
    void on(SupportRequestResolved event) {
        supportRequests.computeIfPresent(event.supportRequestId(), (id, request) -> new Request(request.raisedBy(), true));
        openSupportRequest.values().remove(event.supportRequestId());
    }
}
