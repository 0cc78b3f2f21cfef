package com.mrmentor.platform.command.identity;

import com.mrmentor.platform.command.common.Actor;
import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.command.common.RequestPlatform;
import com.mrmentor.platform.command.common.RequestScopedIds;
import com.mrmentor.platform.command.common.SignedInCaller;
import com.mrmentor.platform.shared.common.Platform;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.common.RuleViolation.Kind;
import com.mrmentor.platform.shared.identity.AcceptInvitation;
import com.mrmentor.platform.shared.identity.ChangeAccountPlatforms;
import com.mrmentor.platform.shared.identity.ChangeAccountRoles;
import com.mrmentor.platform.shared.identity.DeactivateAccount;
import com.mrmentor.platform.shared.identity.AccountView;
import com.mrmentor.platform.shared.identity.ErasePersonalData;
import com.mrmentor.platform.shared.identity.FindAccount;
import com.mrmentor.platform.shared.identity.IssueInvitation;
import com.mrmentor.platform.shared.identity.ReactivateAccount;
import com.mrmentor.platform.shared.identity.RevokeInvitation;
import com.mrmentor.platform.shared.identity.Role;
import com.mrmentor.platform.shared.identity.SessionRevocationReason;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Administration of accounts (ADMIN): invitations, roles, platforms, deactivation and erasure. Role changes and
 * deactivation take effect on the account's next request, because every request checks the account as it is now.
 */
@RestController
@Tag(name = "Account administration")
public class AccountAdminController {

    private final CommandSender commands;
    private final AccountDirectory directory;
    private final EmailIndex emailIndex;
    private final OpaqueTokens opaqueTokens;
    private final PasswordEncoder hashes;
    private final PasswordPolicy passwordPolicy;
    private final SessionRevoker sessionRevoker;
    private final IdentityMail mail;
    private final IdentityPolicy policy;
    private final QueryGateway queries;

    public AccountAdminController(CommandSender commands, AccountDirectory directory, EmailIndex emailIndex,
                                  OpaqueTokens opaqueTokens, PasswordEncoder hashes, PasswordPolicy passwordPolicy,
                                  SessionRevoker sessionRevoker, IdentityMail mail, IdentityPolicy policy,
                                  QueryGateway queries) {
        this.queries = queries;
        this.commands = commands;
        this.directory = directory;
        this.emailIndex = emailIndex;
        this.opaqueTokens = opaqueTokens;
        this.hashes = hashes;
        this.passwordPolicy = passwordPolicy;
        this.sessionRevoker = sessionRevoker;
        this.mail = mail;
        this.policy = policy;
    }

    // ---- invitations ----------------------------------------------------------------------------------------

    @PostMapping("/api/admin/invitations")
    @Operation(summary = "Invite someone by e-mail with a role (ADMIN); valid 7 days, single use, only for that "
            + "e-mail. Platforms default to the request's platform")
    public ResponseEntity<InvitationCreated> invite(@Valid @RequestBody InviteRequest request,
                                                    Authentication authentication, HttpServletRequest http) {
        String email = EmailIndex.normalise(request.email());
        String index = emailIndex.of(email);
        if (directory.userIdFor(index).isPresent()) {
            throw IdentityRules.emailTaken();
        }
        Set<Platform> platforms = request.platforms() == null || request.platforms().isEmpty()
                ? Set.of(RequestPlatform.of(http)) : request.platforms();
        requireOwnPlatforms(platforms, authentication);
        UUID claim = (UUID) http.getAttribute(RequestScopedIds.CLAIM_ATTRIBUTE);
        UUID invitationId = RequestScopedIds.of("invitation", claim);
        UUID userId = RequestScopedIds.of("invited-user", claim);
        String token = Secrets.newOpaqueToken();
        commands.send(new IssueInvitation(invitationId, userId, email, index, request.role(), platforms,
                Actor.id(authentication), Secrets.sha256(token)));
        Instant expiresAt = Instant.now().plus(policy.invitationTtl());
        mail.sendInvitation(email, request.role(), token, expiresAt);
        return ResponseEntity.created(URI.create("/api/admin/invitations/" + invitationId))
                .body(new InvitationCreated(invitationId, userId, request.role(), platforms, expiresAt));
    }

    @PostMapping("/api/admin/invitations/{invitationId}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw an unused invitation (ADMIN)")
    public void revokeInvitation(@PathVariable UUID invitationId, @Valid @RequestBody ReasonRequest request) {
        commands.send(new RevokeInvitation(invitationId, request.reason()));
    }

    @PostMapping("/api/auth/invitations/accept")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Accept an invitation (anyone holding its token): the e-mail must be the invited one; "
            + "creates a verified account with the invited role, then sign in as usual")
    public Accepted accept(@Valid @RequestBody AcceptRequest request) {
        OpaqueTokens.Holder invitation = opaqueTokens.find(Secrets.sha256(request.token()),
                        OpaqueTokens.Kind.INVITATION)
                .orElseThrow(() -> new RuleViolation("invitation-not-found", Kind.NOT_FOUND,
                        "No invitation has this token"));
        String email = EmailIndex.normalise(request.email());
        passwordPolicy.check(request.password(), email, "password");
        UUID userId = commands.send(new AcceptInvitation(invitation.subjectId(), email, emailIndex.of(email),
                request.name(), hashes.encode(request.password())));
        return new Accepted(userId);
    }

    // ---- accounts -------------------------------------------------------------------------------------------

    @PutMapping("/api/admin/users/{userId}/roles")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set an account's roles (ADMIN), with a reason; effective on its next request")
    public void changeRoles(@PathVariable UUID userId, @Valid @RequestBody RolesRequest request,
                            Authentication authentication, HttpServletRequest http) {
        requireInPlatform(userId, http);
        commands.send(new ChangeAccountRoles(userId, request.roles(), request.reason(), Actor.id(authentication)));
    }

    @PutMapping("/api/admin/users/{userId}/platforms")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set the platforms an account belongs to (ADMIN), with a reason")
    public void changePlatforms(@PathVariable UUID userId, @Valid @RequestBody PlatformsRequest request,
                                Authentication authentication, HttpServletRequest http) {
        requireInPlatform(userId, http);
        AccountView account = accountOf(userId).orElseThrow(IdentityRules::accountNotFound);
        // an administrator adds or removes only platforms they belong to themselves
        Set<Platform> changed = new HashSet<>(request.platforms());
        changed.addAll(account.platforms());
        changed.removeIf(p -> request.platforms().contains(p) && account.platforms().contains(p));
        requireOwnPlatforms(changed, authentication);
        commands.send(new ChangeAccountPlatforms(userId, request.platforms(), request.reason()));
    }

    @PostMapping("/api/admin/users/{userId}/deactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deactivate an account (ADMIN), with a reason: its tokens are refused from its next "
            + "request and its sessions are revoked")
    public void deactivate(@PathVariable UUID userId, @Valid @RequestBody ReasonRequest request,
                           Authentication authentication, HttpServletRequest http) {
        requireInPlatform(userId, http);
        commands.send(new DeactivateAccount(userId, request.reason(), Actor.id(authentication)));
        sessionRevoker.revokeAll(userId, null, SessionRevocationReason.ACCOUNT_DEACTIVATED);
    }

    @PostMapping("/api/admin/users/{userId}/reactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reactivate a deactivated account (ADMIN), with a reason; it signs in again")
    public void reactivate(@PathVariable UUID userId, @Valid @RequestBody ReasonRequest request,
                           HttpServletRequest http) {
        requireInPlatform(userId, http);
        // sessions that outlived a failed revocation at deactivation must not come back with the account
        sessionRevoker.revokeAll(userId, null, SessionRevocationReason.ACCOUNT_DEACTIVATED);
        commands.send(new ReactivateAccount(userId, request.reason()));
    }

    @PostMapping("/api/admin/users/{userId}/erase")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Erase a person's personal data (ADMIN), with a reason: their key is destroyed, so names, "
            + "e-mails and phone numbers in their events read as erased; read models are scrubbed; amounts, dates "
            + "and counts stay. Irreversible; the account is closed")
    public void erase(@PathVariable UUID userId, @Valid @RequestBody ReasonRequest request,
                      Authentication authentication, HttpServletRequest http) {
        requireInPlatform(userId, http);
        if (userId.equals(Actor.id(authentication))) {
            throw IdentityRules.cannotChangeOwnAccess("erase");
        }
        commands.send(new ErasePersonalData(userId, request.reason()));
        sessionRevoker.revokeAll(userId, null, SessionRevocationReason.ACCOUNT_ERASED);
    }

    // ---- platform rules -------------------------------------------------------------------------------------

    /** An account of another platform is invisible: 404, as if it did not exist. */
    private void requireInPlatform(UUID userId, HttpServletRequest http) {
        Platform platform = RequestPlatform.of(http);
        if (accountOf(userId).filter(account -> account.platforms().contains(platform)).isEmpty()) {
            throw IdentityRules.accountNotFound();
        }
    }

    private Optional<AccountView> accountOf(UUID userId) {
        return Optional.ofNullable(queries.query(new FindAccount(userId), ResponseTypes.instanceOf(AccountView.class))
                .join());
    }

    /** An administrator grants access only to platforms they belong to themselves. */
    private static void requireOwnPlatforms(Set<Platform> platforms, Authentication authentication) {
        Set<Platform> own = authentication instanceof SignedInCaller caller ? caller.platforms() : Set.of();
        if (!own.containsAll(platforms)) {
            throw new RuleViolation("platform-not-allowed", Kind.FORBIDDEN,
                    "You can only grant access to platforms your own account belongs to");
        }
    }

    // ---- bodies ---------------------------------------------------------------------------------------------

    public record InviteRequest(@NotBlank @Email @Size(max = 320) String email, @NotNull Role role,
                                Set<Platform> platforms) {
    }

    public record AcceptRequest(@NotBlank @Size(max = 200) String token,
                                @NotBlank @Email @Size(max = 320) String email,
                                @NotBlank @Size(max = 200) String name,
                                @NotBlank @Size(max = 200) String password) {
    }

    public record RolesRequest(@NotEmpty Set<@NotNull Role> roles, @NotBlank @Size(max = 500) String reason) {
    }

    public record PlatformsRequest(@NotEmpty Set<@NotNull Platform> platforms,
                                   @NotBlank @Size(max = 500) String reason) {
    }

    public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record InvitationCreated(UUID invitationId, UUID userId, Role role, Set<Platform> platforms,
                                    Instant expiresAt) {
    }

    public record Accepted(UUID userId) {
    }
}
