package com.mrmentor.platform.command.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mrmentor.platform.command.common.Actor;
import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.command.common.RateLimits;
import com.mrmentor.platform.command.common.RequestPlatform;
import com.mrmentor.platform.command.common.RequestScopedIds;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.crm.ActivityType;
import com.mrmentor.platform.shared.crm.ApproveBulkAssignment;
import com.mrmentor.platform.shared.crm.AssignLeadToRep;
import com.mrmentor.platform.shared.crm.AssignmentRule;
import com.mrmentor.platform.shared.crm.CaptureLead;
import com.mrmentor.platform.shared.crm.ChangeLeadStatus;
import com.mrmentor.platform.shared.crm.ConfigureSalesRep;
import com.mrmentor.platform.shared.crm.LeadSource;
import com.mrmentor.platform.shared.crm.LeadStatus;
import com.mrmentor.platform.shared.crm.LogLeadActivity;
import com.mrmentor.platform.shared.crm.MergeLeads;
import com.mrmentor.platform.shared.crm.UndoLeadMerge;
import com.mrmentor.platform.shared.crm.PublishAssignmentRules;
import com.mrmentor.platform.shared.crm.RejectBulkAssignment;
import com.mrmentor.platform.shared.crm.RepAvailability;
import com.mrmentor.platform.shared.crm.RequestBulkAssignment;
import com.mrmentor.platform.shared.crm.ScheduleFollowUp;
import com.mrmentor.platform.shared.crm.SetLeadTemperature;
import com.mrmentor.platform.shared.crm.SetSalesTarget;
import com.mrmentor.platform.shared.crm.Temperature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Commands of the sales CRM. The acting user is always the caller; "as a sales head" (SALES_HEAD or ADMIN) comes from
 * the caller's roles. A SALES_REP acts only on their own leads (the lead checks), and every assignment a SALES_REP
 * asks for — or one of more than {@code platform.crm.approval-threshold} leads — becomes a request for a sales head.
 */
@RestController
@RequestMapping("/api/crm")
@Tag(name = "CRM: commands")
public class CrmCommandController {

    private final CommandSender commands;
    private final LeadCapture capture;
    private final LeadAssignmentSweep sweep;
    private final RateLimits limits;
    private final CrmPolicy policy;
    private final ObjectMapper json;
    private final LeadConversion conversion;

    public CrmCommandController(CommandSender commands, LeadCapture capture, LeadAssignmentSweep sweep,
                                RateLimits limits, CrmPolicy policy, ObjectMapper json, LeadConversion conversion) {
        this.conversion = conversion;
        this.commands = commands;
        this.capture = capture;
        this.sweep = sweep;
        this.limits = limits;
        this.policy = policy;
        this.json = json;
    }

    // ---- capture -------------------------------------------------------------------------------------------------

    @PostMapping("/leads")
    @Operation(summary = "Enter a lead by hand (SALES_REP, SALES_HEAD, ADMIN): phone and/or e-mail; a lead with the "
            + "same phone or e-mail records a duplicate instead (200 with duplicate=true)")
    public ResponseEntity<LeadIntake.Captured> enter(@Valid @RequestBody LeadRequest request, Authentication caller,
                                                     @RequestAttribute(name = RequestScopedIds.CLAIM_ATTRIBUTE,
                                                             required = false) UUID claimId) {
        LeadIntake.Captured captured = capture.capture(request.toCommand(RequestScopedIds.of("crm-lead", claimId),
                LeadSource.MANUAL, raw(request), Actor.id(caller), null, null));
        return captured.duplicate() ? ResponseEntity.ok(captured)
                : ResponseEntity.created(URI.create("/api/crm/leads/" + captured.leadId())).body(captured);
    }

    @PostMapping("/web-forms")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "The public website form (no sign-in): campaign id required; limited per client address; "
            + "a filled honeypot field ('website') is accepted and dropped. The answer never says whether the person "
            + "was known")
    public FormReceipt submitForm(@Valid @RequestBody FormRequest request, HttpServletRequest http) {
        limits.tryAcquire("crm-web-form", http.getRemoteAddr(), policy.formsPerIp(), policy.formWindow())
                .ifPresent(wait -> {
                    throw new RateLimits.LimitReached("too-many-form-submissions",
                            "Too many form submissions from this address; try again later", wait);
                });
        if (request.website() != null && !request.website().isBlank()) {
            return new FormReceipt(true); // a bot filled the hidden field: answer as usual, record nothing
        }
        LeadRequest lead = new LeadRequest(request.name(), request.phone(), request.email(), request.city(),
                request.courseInterest(), request.language(), request.campaignId());
        capture.capture(lead.toCommand(UUID.randomUUID(), LeadSource.WEBSITE_FORM, raw(request), null, null, null));
        return new FormReceipt(true);
    }

    // ---- assignment ----------------------------------------------------------------------------------------------

    @PostMapping("/assignments")
    @Operation(summary = "Assign or reassign leads to a rep. SALES_HEAD / ADMIN with at most the approval threshold "
            + "(20) of leads: done at once (200). More leads, or asked by a SALES_REP: a request a sales head "
            + "approves (202); undecided, it lapses after 48 hours")
    public ResponseEntity<AssignmentOutcome> assign(@Valid @RequestBody AssignmentRequest request,
                                                    Authentication caller,
                                                    @RequestAttribute(name = RequestScopedIds.CLAIM_ATTRIBUTE,
                                                            required = false) UUID claimId) {
        UUID actor = Actor.id(caller);
        List<UUID> leads = request.leadIds().stream().distinct().toList();
        if (leads.size() > CrmRules.MAX_BULK_LEADS) {
            throw CrmRules.tooManyLeads(CrmRules.MAX_BULK_LEADS);
        }
        if (asHead(caller) && leads.size() <= policy.approvalThreshold()) {
            List<UUID> assigned = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (UUID leadId : leads) {
                try {
                    commands.send(new AssignLeadToRep(leadId, request.repId(), actor, null, request.reason()));
                    assigned.add(leadId);
                } catch (RuleViolation refused) {
                    if (leads.size() == 1) {
                        throw refused;
                    }
                    failures.add(leadId + ": " + refused.code());
                }
            }
            return ResponseEntity.ok(new AssignmentOutcome("DIRECT", null, null, assigned, failures));
        }
        UUID requestId = RequestScopedIds.of("crm-assignment-request", claimId);
        commands.send(new RequestBulkAssignment(requestId, leads, request.repId(), actor, request.reason()));
        return ResponseEntity.accepted().location(URI.create("/api/crm/assignments/" + requestId))
                .body(new AssignmentOutcome("REQUESTED", requestId, "PENDING", List.of(), List.of()));
    }

    @PostMapping("/assignments/{requestId}/approve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Approve a pending bulk assignment request (SALES_HEAD, ADMIN; not one's own); the leads are "
            + "then assigned one by one")
    public void approve(@PathVariable UUID requestId, @Valid @RequestBody(required = false) CommentRequest request,
                        Authentication caller) {
        commands.send(new ApproveBulkAssignment(requestId, Actor.id(caller), request == null ? null : request.comment()));
    }

    @PostMapping("/assignments/{requestId}/reject")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reject a pending bulk assignment request with a comment (SALES_HEAD, ADMIN; not one's own)")
    public void reject(@PathVariable UUID requestId, @Valid @RequestBody CommentRequest request, Authentication caller) {
        commands.send(new RejectBulkAssignment(requestId, Actor.id(caller), request.comment()));
    }

    @PutMapping("/assignment-rules")
    @Operation(summary = "Publish a new version of the ordered assignment rules (SALES_HEAD, ADMIN): first match wins; "
            + "a rule without conditions is a default rule")
    public RulesOutcome publishRules(@Valid @RequestBody RulesRequest request, Authentication caller) {
        int version = commands.send(new PublishAssignmentRules(request.rules(), Actor.id(caller)));
        return new RulesOutcome(version);
    }

    @PutMapping("/reps/{repId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a rep's daily capacity and availability (ACTIVE, PAUSED, ON_LEAVE) (SALES_HEAD, ADMIN)")
    public void configureRep(@PathVariable UUID repId, @Valid @RequestBody RepRequest request, Authentication caller) {
        commands.send(new ConfigureSalesRep(repId, request.dailyCapacity(), request.availability(), Actor.id(caller)));
    }

    @PostMapping("/assignment/sweep")
    @Operation(summary = "Retry the unassigned queue by the rules now (SALES_HEAD, ADMIN); runs by itself every 15 "
            + "minutes")
    public LeadAssignmentSweep.Outcome sweep() {
        return sweep.sweep();
    }

    // ---- the rep's work ------------------------------------------------------------------------------------------

    @PostMapping("/leads/{leadId}/status")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Move a lead along the pipeline (its rep, or SALES_HEAD / ADMIN); NOT_INTERESTED and LOST "
            + "need a reason")
    public void changeStatus(@PathVariable UUID leadId, @Valid @RequestBody StatusRequest request,
                             Authentication caller) {
        commands.send(new ChangeLeadStatus(leadId, request.status(), request.reason(), Actor.id(caller),
                asHead(caller)));
    }

    @PostMapping("/leads/{leadId}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Log a call (durationSeconds, outcome), note, WhatsApp or e-mail touch on a lead (its rep, or "
            + "SALES_HEAD / ADMIN); a call's duration predicts the temperature unless a rep set it")
    public ActivityOutcome logActivity(@PathVariable UUID leadId, @Valid @RequestBody ActivityRequest request,
                                       Authentication caller,
                                       @RequestAttribute(name = RequestScopedIds.CLAIM_ATTRIBUTE, required = false)
                                       UUID claimId) {
        UUID activityId = RequestScopedIds.of("crm-activity", claimId);
        commands.send(new LogLeadActivity(leadId, activityId, request.type(), request.outcome(),
                request.durationSeconds(), request.note(), request.followUpId(), Actor.id(caller), asHead(caller)));
        return new ActivityOutcome(activityId);
    }

    @PutMapping("/leads/{leadId}/temperature")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a lead's temperature by hand (its rep, or SALES_HEAD / ADMIN)")
    public void setTemperature(@PathVariable UUID leadId, @Valid @RequestBody TemperatureRequest request,
                               Authentication caller) {
        commands.send(new SetLeadTemperature(leadId, request.temperature(), Actor.id(caller), asHead(caller)));
    }

    @PostMapping("/leads/{leadId}/follow-ups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Schedule a follow-up of a lead (its rep, or SALES_HEAD / ADMIN); overdue follow-ups are "
            + "recorded and shown on the rep's board")
    public FollowUpOutcome scheduleFollowUp(@PathVariable UUID leadId, @Valid @RequestBody FollowUpRequest request,
                                            Authentication caller,
                                            @RequestAttribute(name = RequestScopedIds.CLAIM_ATTRIBUTE,
                                                    required = false) UUID claimId) {
        UUID followUpId = RequestScopedIds.of("crm-follow-up", claimId);
        commands.send(new ScheduleFollowUp(leadId, followUpId, request.dueAt(), request.note(), Actor.id(caller),
                asHead(caller)));
        return new FollowUpOutcome(followUpId);
    }

    @PostMapping("/leads/{leadId}/convert")
    @Operation(summary = "Convert a lead into a student (its rep, or SALES_HEAD / ADMIN): links the account with the "
            + "lead's e-mail or creates a STUDENT account (unverified, no password until the student sets one)")
    public LeadConversion.Converted convert(@PathVariable UUID leadId, Authentication caller,
                                            HttpServletRequest http) {
        return conversion.convert(leadId, Actor.id(caller), asHead(caller), RequestPlatform.of(http));
    }

    @PostMapping("/leads/{leadId}/merge")
    @Operation(summary = "Merge another lead into this one (SALES_HEAD, ADMIN): its timeline shows here, arrivals of its "
            + "phone or e-mail become duplicates of this lead, and it takes no more changes until the merge is undone")
    public LeadIntake.Merged merge(@PathVariable UUID leadId, @Valid @RequestBody MergeRequest request,
                                   Authentication caller,
                                   @RequestAttribute(name = RequestScopedIds.CLAIM_ATTRIBUTE, required = false)
                                   UUID claimId) {
        return commands.send(new MergeLeads(leadId, request.mergedLeadId(), RequestScopedIds.of("crm-merge", claimId),
                Actor.id(caller)));
    }

    @PostMapping("/leads/{leadId}/merges/{mergeId}/undo")
    @Operation(summary = "Undo a merge into this lead (SALES_HEAD, ADMIN): the merged lead, its timeline and its "
            + "contacts are its own again")
    public LeadIntake.Merged undoMerge(@PathVariable UUID leadId, @PathVariable UUID mergeId, Authentication caller) {
        return commands.send(new UndoLeadMerge(leadId, mergeId, Actor.id(caller)));
    }

    @PutMapping("/targets/{repId}/{month}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a rep's targets for a month, e.g. 2026-11 (SALES_HEAD, ADMIN): calls and conversions; "
            + "progress is derived from the month's events")
    public void setTarget(@PathVariable UUID repId, @PathVariable YearMonth month,
                          @Valid @RequestBody TargetRequest request, Authentication caller) {
        commands.send(new SetSalesTarget(repId, month, request.calls(), request.conversions(), Actor.id(caller)));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    static boolean asHead(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> "ROLE_SALES_HEAD".equals(a.getAuthority())
                || "ROLE_ADMIN".equals(a.getAuthority()));
    }

    private String raw(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- bodies ----------------------------------------------------------------------------------------------

    public record LeadRequest(@Size(max = 200) String name, @Size(max = 40) String phone,
                              @Size(max = 254) @Email String email, @Size(max = 100) String city,
                              @Size(max = 100) String courseInterest, @Size(max = 40) String language,
                              @Size(max = 100) String campaignId) {

        CaptureLead toCommand(UUID leadId, LeadSource source, String raw, UUID capturedBy, UUID vendorKeyId,
                              UUID importId) {
            return new CaptureLead(leadId, name, phone, email, city, courseInterest, language, campaignId, source, raw,
                    capturedBy, vendorKeyId, importId);
        }
    }

    public record FormRequest(@Size(max = 200) String name, @Size(max = 40) String phone,
                              @Size(max = 254) @Email String email, @Size(max = 100) String city,
                              @Size(max = 100) String courseInterest, @Size(max = 40) String language,
                              @NotBlank @Size(max = 100) String campaignId, @Size(max = 500) String website) {
    }

    public record FormReceipt(boolean received) {
    }

    public record AssignmentRequest(@NotEmpty List<@NotNull UUID> leadIds, @NotNull UUID repId,
                                    @Size(max = 500) String reason) {
    }

    public record AssignmentOutcome(String mode, UUID requestId, String status, List<UUID> assigned,
                                    List<String> failures) {
    }

    public record CommentRequest(@Size(max = 1000) String comment) {
    }

    public record RulesRequest(@NotNull @Size(max = 100) List<@NotNull AssignmentRule> rules) {
    }

    public record RulesOutcome(int version) {
    }

    public record RepRequest(@NotNull @Min(0) @Max(1000) Integer dailyCapacity, @NotNull RepAvailability availability) {
    }

    public record StatusRequest(@NotNull LeadStatus status, @Size(max = 500) String reason) {
    }

    public record ActivityRequest(@NotNull ActivityType type, @Size(max = 100) String outcome,
                                  @Min(0) @Max(86_400) Integer durationSeconds, @Size(max = 2000) String note,
                                  UUID followUpId) {
    }

    public record ActivityOutcome(UUID activityId) {
    }

    public record TemperatureRequest(@NotNull Temperature temperature) {
    }

    public record FollowUpRequest(@NotNull Instant dueAt, @Size(max = 1000) String note) {
    }

    public record FollowUpOutcome(UUID followUpId) {
    }

    public record MergeRequest(@NotNull UUID mergedLeadId) {
    }

    public record TargetRequest(@NotNull @Min(0) @Max(100_000) Integer calls,
                                @NotNull @Min(0) @Max(10_000) Integer conversions) {
    }
}
