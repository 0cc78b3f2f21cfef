package com.mrmentor.platform.command.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.command.common.Actor;
import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.command.common.RateLimits;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.crm.CrmIds;
import com.mrmentor.platform.shared.crm.IssueVendorApiKey;
import com.mrmentor.platform.shared.crm.LeadSource;
import com.mrmentor.platform.shared.crm.RevokeVendorApiKey;
import com.mrmentor.platform.shared.crm.RotateVendorApiKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The vendor API: administrators issue, list, rotate and revoke keys per vendor; vendors push leads with
 * {@code X-Api-Key}. A key is {@code mmk_<prefix>_<secret>} (256 random bits); only its SHA-256 hash is stored and it
 * is shown once, in the answer that made it. Unknown, rotated-away and revoked keys get 401; a key without the scope
 * 403; a key over its own per-minute limit 429.
 */
@RestController
@Tag(name = "CRM: vendor API")
public class VendorApiController {

    static final String HEADER = "X-Api-Key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CommandSender commands;
    private final VendorKeyStore keys;
    private final LeadCapture capture;
    private final RateLimits limits;
    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public VendorApiController(CommandSender commands, VendorKeyStore keys, LeadCapture capture, RateLimits limits,
                               EventStore events, JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.commands = commands;
        this.keys = keys;
        this.capture = capture;
        this.limits = limits;
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    // ---- administration -------------------------------------------------------------------------------------

    @PostMapping("/api/admin/vendor-keys")
    @Operation(summary = "Issue an API key to a vendor (ADMIN): scopes leads:write / leads:read, a rate limit per "
            + "minute. The key is in this answer only")
    public ResponseEntity<IssuedKey> issue(@Valid @RequestBody KeyRequest request, Authentication caller) {
        UUID keyId = UUID.randomUUID();
        Secret secret = Secret.generate();
        commands.send(new IssueVendorApiKey(keyId, request.vendor(), request.scopes(), request.ratePerMinute(),
                secret.prefix(), secret.hash(), Actor.id(caller)));
        return ResponseEntity.created(URI.create("/api/admin/vendor-keys/" + keyId))
                .body(new IssuedKey(keyId, request.vendor().trim(), secret.key(), secret.prefix()));
    }

    @GetMapping("/api/admin/vendor-keys")
    @Operation(summary = "Every vendor key without its secret (ADMIN): vendor, scopes, limit, status, last use")
    public List<VendorKeyStore.KeyView> list() {
        return keys.all();
    }

    @PostMapping("/api/admin/vendor-keys/{keyId}/rotate")
    @Operation(summary = "Replace a key's secret (ADMIN); the old key stops working at once. The new key is in this "
            + "answer only")
    public IssuedKey rotate(@PathVariable UUID keyId, Authentication caller) {
        requireKey(keyId);
        Secret secret = Secret.generate();
        commands.send(new RotateVendorApiKey(keyId, secret.prefix(), secret.hash(), Actor.id(caller)));
        return new IssuedKey(keyId, null, secret.key(), secret.prefix());
    }

    @PostMapping("/api/admin/vendor-keys/{keyId}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a key for good (ADMIN), with an optional reason")
    public void revoke(@PathVariable UUID keyId, @Valid @RequestBody(required = false) ReasonRequest request,
                       Authentication caller) {
        requireKey(keyId);
        commands.send(new RevokeVendorApiKey(keyId, request == null ? null : request.reason(), Actor.id(caller)));
    }

    // ---- vendors ------------------------------------------------------------------------------------------------

    @PostMapping("/api/vendor/leads")
    @Operation(summary = "Push a lead (X-Api-Key with leads:write): 201 for a new lead, 200 when it matched a lead "
            + "the pool has (recorded as a duplicate)")
    public ResponseEntity<VendorReceipt> push(@RequestHeader(name = HEADER, required = false) String apiKey,
                                              @Valid @RequestBody CrmCommandController.LeadRequest request) {
        VendorKeyStore.Key key = authenticate(apiKey, "leads:write");
        String raw;
        try {
            raw = json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        LeadIntake.Captured captured = capture.capture(request.toCommand(UUID.randomUUID(), LeadSource.VENDOR_API,
                raw, null, key.keyId(), null));
        VendorReceipt receipt = new VendorReceipt(captured.leadId(), captured.duplicate());
        return captured.duplicate() ? ResponseEntity.ok(receipt)
                : ResponseEntity.created(URI.create("/api/vendor/leads/" + captured.leadId())).body(receipt);
    }

    @GetMapping("/api/vendor/leads/{leadId}")
    @Operation(summary = "The pipeline status of a lead this vendor sent (X-Api-Key with leads:read)")
    public VendorLeadStatus status(@RequestHeader(name = HEADER, required = false) String apiKey,
                                   @PathVariable UUID leadId) {
        VendorKeyStore.Key key = authenticate(apiKey, "leads:read");
        List<VendorLeadStatus> found = jdbc.query("SELECT l.lead_id, l.status FROM crm_lead l JOIN crm_vendor_key k "
                        + "ON k.key_id = l.vendor_key_id WHERE l.lead_id = ? AND k.vendor = ?",
                (rs, n) -> new VendorLeadStatus(rs.getObject(1, UUID.class), rs.getString(2)), leadId, key.vendor());
        if (found.isEmpty()) {
            throw CrmRules.leadNotFound();
        }
        return found.get(0);
    }

    private VendorKeyStore.Key authenticate(String apiKey, String scope) {
        if (apiKey == null || apiKey.isBlank()) {
            throw unauthenticated();
        }
        VendorKeyStore.Key key = keys.activeByHash(Secret.hash(apiKey.trim())).orElseThrow(
                VendorApiController::unauthenticated);
        if (!key.scopes().contains(scope)) {
            throw new RuleViolation("missing-scope", RuleViolation.Kind.FORBIDDEN, "The key lacks scope " + scope);
        }
        limits.tryAcquire("vendor-key", key.keyId().toString(), key.ratePerMinute(), Duration.ofMinutes(1))
                .ifPresent(wait -> {
                    throw new RateLimits.LimitReached("vendor-rate-limited",
                            "This key's limit of " + key.ratePerMinute() + " requests a minute is reached", wait);
                });
        keys.used(key.keyId(), clock.instant());
        return key;
    }

    private void requireKey(UUID keyId) {
        if (events.lastSequenceNumberFor(CrmIds.vendorKey(keyId)).isEmpty()) {
            throw new RuleViolation("vendor-key-not-found", RuleViolation.Kind.NOT_FOUND, "No such vendor key");
        }
    }

    private static RuleViolation unauthenticated() {
        return new RuleViolation("invalid-api-key", RuleViolation.Kind.UNAUTHENTICATED,
                "A valid, active API key is required in " + HEADER);
    }

    /** A new key: the full key (shown once), its prefix (shown in lists) and the hash stored. */
    record Secret(String key, String prefix, String hash) {
        static Secret generate() {
            byte[] prefixBytes = new byte[4];
            byte[] secret = new byte[32];
            RANDOM.nextBytes(prefixBytes);
            RANDOM.nextBytes(secret);
            String prefix = HexFormat.of().formatHex(prefixBytes);
            String key = "mmk_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            return new Secret(key, prefix, hash(key));
        }

        static String hash(String key) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(key.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public record KeyRequest(@NotBlank @Size(max = 100) String vendor, @NotEmpty @Size(max = 2) List<String> scopes,
                             @Min(1) @Max(10_000) int ratePerMinute) {
    }

    public record ReasonRequest(@Size(max = 500) String reason) {
    }

    public record IssuedKey(UUID keyId, String vendor, String apiKey, String prefix) {
    }

    public record VendorReceipt(UUID leadId, boolean duplicate) {
    }

    public record VendorLeadStatus(UUID leadId, String status) {
    }
}
