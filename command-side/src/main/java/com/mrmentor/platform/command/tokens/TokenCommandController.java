package com.mrmentor.platform.command.tokens;

import com.mrmentor.platform.command.common.Actor;
import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.command.common.RequestScopedIds;
import com.mrmentor.platform.shared.tokens.ApproveTokenGrant;
import com.mrmentor.platform.shared.tokens.CaptureTokenHold;
import com.mrmentor.platform.shared.tokens.PlaceTokenHold;
import com.mrmentor.platform.shared.tokens.RejectTokenGrant;
import com.mrmentor.platform.shared.tokens.ReleaseTokenHold;
import com.mrmentor.platform.shared.tokens.RequestTokenGrant;
import com.mrmentor.platform.shared.tokens.RevokeTokenGrant;
import com.mrmentor.platform.shared.tokens.TokenCategory;
import com.mrmentor.platform.shared.tokens.TokenGrantStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** Commands of the token ledger. Who may call each route is declared in the security configuration. */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "Tokens: commands")
public class TokenCommandController {

    /** No request moves more tokens than this (₹300 each: far beyond any real grant; keeps sums far from overflow). */
    static final long MAX_TOKENS_PER_REQUEST = 1_000_000_000L;

    private final CommandSender commands;
    private final TokenWalletDirectory directory;

    public TokenCommandController(CommandSender commands, TokenWalletDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @PostMapping("/grants")
    @Operation(summary = "Grant tokens (ADMIN, FINANCE); above the approval threshold it waits for a second approver")
    public ResponseEntity<GrantOutcome> grant(@Valid @RequestBody GrantRequest request, Authentication caller,
                                              @RequestAttribute(name = RequestScopedIds.CLAIM_ATTRIBUTE,
                                                      required = false) UUID claimId) {
        UUID grantId = RequestScopedIds.of("grant", claimId);
        TokenGrantStatus status = commands.send(new RequestTokenGrant(request.userId(), grantId, request.amount(),
                request.category(), request.reason(), request.expiresAt(), Actor.id(caller)));
        return ResponseEntity.created(URI.create("/api/tokens/grants/" + grantId))
                .body(new GrantOutcome(grantId, status, null));
    }

    @PostMapping("/grants/{grantId}/approve")
    @Operation(summary = "Approve a pending grant (ADMIN, FINANCE; never the requester)")
    public GrantOutcome approve(@PathVariable UUID grantId, Authentication caller) {
        TokenGrantStatus status = commands.send(new ApproveTokenGrant(ownerOfGrant(grantId), grantId,
                Actor.id(caller)));
        return new GrantOutcome(grantId, status, null);
    }

    @PostMapping("/grants/{grantId}/reject")
    @Operation(summary = "Reject a pending grant (ADMIN, FINANCE)")
    public GrantOutcome reject(@PathVariable UUID grantId, @Valid @RequestBody ReasonRequest request,
                               Authentication caller) {
        TokenGrantStatus status = commands.send(new RejectTokenGrant(ownerOfGrant(grantId), grantId,
                Actor.id(caller), request.reason()));
        return new GrantOutcome(grantId, status, null);
    }

    @PostMapping("/grants/{grantId}/revoke")
    @Operation(summary = "Revoke the unspent remainder of a grant (ADMIN)")
    public GrantOutcome revoke(@PathVariable UUID grantId, @Valid @RequestBody ReasonRequest request,
                               Authentication caller) {
        long revoked = commands.send(new RevokeTokenGrant(ownerOfGrant(grantId), grantId, Actor.id(caller),
                request.reason()));
        return new GrantOutcome(grantId, TokenGrantStatus.REVOKED, revoked);
    }

    @PostMapping("/holds")
    @Operation(summary = "Reserve tokens until captured, released or expired (ADMIN)")
    public ResponseEntity<HoldOutcome> hold(@Valid @RequestBody HoldRequest request, Authentication caller,
                                            @RequestAttribute(name = RequestScopedIds.CLAIM_ATTRIBUTE,
                                                    required = false) UUID claimId) {
        UUID holdId = RequestScopedIds.of("hold", claimId);
        commands.send(new PlaceTokenHold(request.userId(), holdId, request.amount(), request.reference(),
                request.expiresAt(), Actor.id(caller)));
        return ResponseEntity.created(URI.create("/api/tokens/holds/" + holdId))
                .body(new HoldOutcome(holdId, "HELD"));
    }

    @PostMapping("/holds/{holdId}/capture")
    @Operation(summary = "Spend the tokens of an active hold (ADMIN)")
    public HoldOutcome capture(@PathVariable UUID holdId, Authentication caller) {
        commands.send(new CaptureTokenHold(ownerOfHold(holdId), holdId, Actor.id(caller)));
        return new HoldOutcome(holdId, "CAPTURED");
    }

    @PostMapping("/holds/{holdId}/release")
    @Operation(summary = "Return the tokens of an active hold to the wallet (ADMIN)")
    public HoldOutcome release(@PathVariable UUID holdId, @Valid @RequestBody(required = false) NoteRequest request,
                               Authentication caller) {
        String note = request == null ? null : request.note();
        commands.send(new ReleaseTokenHold(ownerOfHold(holdId), holdId, Actor.id(caller), note));
        return new HoldOutcome(holdId, "RELEASED");
    }

    private UUID ownerOfGrant(UUID grantId) {
        return directory.ownerOfGrant(grantId).orElseThrow(TokenRules::grantNotFound);
    }

    private UUID ownerOfHold(UUID holdId) {
        return directory.ownerOfHold(holdId).orElseThrow(TokenRules::holdNotFound);
    }

    /** Body of {@code POST /api/tokens/grants}. */
    public record GrantRequest(@NotNull UUID userId,
                               @NotNull @Positive @Max(MAX_TOKENS_PER_REQUEST) Long amount,
                               @NotNull TokenCategory category,
                               @NotBlank @Size(max = 500) String reason,
                               Instant expiresAt) {
    }

    /** Body of a decision that needs a reason. */
    public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** Optional body of a release. */
    public record NoteRequest(@Size(max = 500) String note) {
    }

    /** Body of {@code POST /api/tokens/holds}. */
    public record HoldRequest(@NotNull UUID userId,
                              @NotNull @Positive @Max(MAX_TOKENS_PER_REQUEST) Long amount,
                              @NotBlank @Size(max = 200) String reference,
                              @NotNull Instant expiresAt) {
    }

    /**
     * What became of a grant.
     *
     * @param grantId       the grant
     * @param status        its status now
     * @param revokedAmount for a revocation, the tokens removed at once (held ones leave when released)
     */
    public record GrantOutcome(UUID grantId, TokenGrantStatus status,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Long revokedAmount) {
    }

    /** What became of a hold. */
    public record HoldOutcome(UUID holdId, String status) {
    }
}
