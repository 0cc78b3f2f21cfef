package com.mrmentor.platform.command.earnings;

import com.mrmentor.platform.command.common.Actor;
import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.command.common.RequestScopedIds;
import com.mrmentor.platform.shared.earnings.ApprovePayout;
import com.mrmentor.platform.shared.earnings.CancelPayout;
import com.mrmentor.platform.shared.earnings.PayoutApproved;
import com.mrmentor.platform.shared.earnings.PayoutMethod;
import com.mrmentor.platform.shared.earnings.PayoutStatus;
import com.mrmentor.platform.shared.earnings.RejectPayout;
import com.mrmentor.platform.shared.earnings.RequestPayout;
import com.mrmentor.platform.shared.earnings.ReverseSessionEarning;
import com.mrmentor.platform.shared.earnings.SessionEarningReversed;
import com.mrmentor.platform.shared.earnings.SubmitPayout;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * Payouts and earning reversals: a mentor requests (and may cancel) a payout of their own available earnings;
 * finance approves, rejects or sends it at once; finance or an administrator reverses a session's earning. The
 * provider's webhook has its own endpoint ({@link PayoutWebhookController}).
 */
@RestController
@Tag(name = "Earnings and payouts: commands")
public class PayoutCommandController {

    private final CommandSender commands;

    public PayoutCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/api/payouts")
    @Operation(summary = "Request a payout of your available earnings (MENTOR): amount in paise (at least the "
            + "minimum, at most the available balance), UPI id or IFSC:ACCOUNT; the amount moves to in-payout at once")
    public ResponseEntity<PayoutRequested> request(@Valid @RequestBody PayoutRequest request, Authentication caller,
                                                   @RequestAttribute(name = RequestScopedIds.CLAIM_ATTRIBUTE,
                                                           required = false) UUID claimId) {
        UUID payoutId = RequestScopedIds.of("payout", claimId);
        PayoutWorkflow.Requested requested = commands.send(new RequestPayout(payoutId, Actor.id(caller),
                request.amount(), request.method(), request.destination()));
        return ResponseEntity.created(URI.create("/api/payouts/" + payoutId)).body(new PayoutRequested(payoutId,
                PayoutStatus.PENDING, requested.amount(), request.method(), requested.destination(),
                requested.notBefore()));
    }

    @PostMapping("/api/payouts/{payoutId}/approve")
    @Operation(summary = "Approve a pending payout (FINANCE, not its requester): it joins the next weekly batch")
    public Decision approve(@PathVariable UUID payoutId, Authentication caller) {
        PayoutApproved approved = commands.send(new ApprovePayout(payoutId, Actor.id(caller)));
        return new Decision(payoutId, PayoutStatus.QUEUED, approved.batchId(), approved.sendAt());
    }

    @PostMapping("/api/payouts/{payoutId}/reject")
    @Operation(summary = "Reject a payout not yet sent, with a reason (FINANCE, not its requester); the money "
            + "returns to available")
    public Decision reject(@PathVariable UUID payoutId, @Valid @RequestBody ReasonRequest request,
                           Authentication caller) {
        commands.send(new RejectPayout(payoutId, Actor.id(caller), request.reason()));
        return new Decision(payoutId, PayoutStatus.REJECTED, null, null);
    }

    @PostMapping("/api/payouts/{payoutId}/send")
    @Operation(summary = "Send an approved payout now instead of with its batch (FINANCE)")
    public Decision send(@PathVariable UUID payoutId, Authentication caller) {
        PayoutStatus status = commands.send(new SubmitPayout(payoutId, Actor.id(caller), true));
        return new Decision(payoutId, status, "immediate", null);
    }

    @PostMapping("/api/payouts/{payoutId}/cancel")
    @Operation(summary = "Withdraw your payout before it is sent (its MENTOR); the money returns to available")
    public Decision cancel(@PathVariable UUID payoutId, @Valid @RequestBody(required = false) OptionalReason request,
                           Authentication caller) {
        commands.send(new CancelPayout(payoutId, Actor.id(caller), request == null ? null : request.reason()));
        return new Decision(payoutId, PayoutStatus.CANCELLED, null, null);
    }

    @PostMapping("/api/mentors/{mentorId}/earnings/sessions/{bookingId}/reversal")
    @Operation(summary = "Reverse a session's earning after a late refund or a lost dispute (FINANCE, ADMIN), with a "
            + "reason; money already paid out leaves a negative balance that later earnings recover")
    public SessionEarningReversed reverse(@PathVariable UUID mentorId, @PathVariable UUID bookingId,
                                          @Valid @RequestBody ReasonRequest request, Authentication caller) {
        return commands.send(new ReverseSessionEarning(mentorId, bookingId, request.reason(), Actor.id(caller)));
    }

    /** Body of a payout request. */
    public record PayoutRequest(@NotNull @Positive Long amount, @NotNull PayoutMethod method,
                                @NotBlank @Size(max = 300) String destination) {
    }

    /** A reason, required. */
    public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** A reason, optional. */
    public record OptionalReason(@Size(max = 500) String reason) {
    }

    /** A payout request accepted; {@code notBefore}: the end of a destination change's hold, if any. */
    public record PayoutRequested(UUID payoutId, PayoutStatus status, long amount, PayoutMethod method,
                                  String destination, Instant notBefore) {
    }

    /** A decision on a payout. */
    public record Decision(UUID payoutId, PayoutStatus status, String batchId, Instant sendAt) {
    }
}
