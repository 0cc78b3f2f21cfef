package com.mrmentor.platform.query.crm;

import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.crm.AssignmentSetupView;
import com.mrmentor.platform.shared.crm.BulkAssignmentStatus;
import com.mrmentor.platform.shared.crm.BulkAssignmentView;
import com.mrmentor.platform.shared.crm.CrmDashboardView;
import com.mrmentor.platform.shared.crm.FindAssignmentSetup;
import com.mrmentor.platform.shared.crm.FindBulkAssignments;
import com.mrmentor.platform.shared.crm.FindCrmDashboard;
import com.mrmentor.platform.shared.crm.FindLead;
import com.mrmentor.platform.shared.crm.FindLeadTimeline;
import com.mrmentor.platform.shared.crm.FindLeads;
import com.mrmentor.platform.shared.crm.FindRepBoard;
import com.mrmentor.platform.shared.crm.LeadPage;
import com.mrmentor.platform.shared.crm.LeadSource;
import com.mrmentor.platform.shared.crm.LeadStatus;
import com.mrmentor.platform.shared.crm.LeadTimelineEntry;
import com.mrmentor.platform.shared.crm.LeadView;
import com.mrmentor.platform.shared.crm.RepBoardView;
import com.mrmentor.platform.shared.crm.FindTargetProgress;
import com.mrmentor.platform.shared.crm.TargetProgressView;
import com.mrmentor.platform.shared.crm.Temperature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reads of the sales CRM. A SALES_REP sees only their own leads: the search is narrowed to them whatever the query
 * says, and another rep's lead is "not found". SALES_HEAD and ADMIN see everything.
 */
@RestController
@RequestMapping("/api/crm")
@Validated
@Tag(name = "CRM: queries")
public class CrmQueryController {

    private final QueryGateway queries;

    public CrmQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/leads")
    @Operation(summary = "Search leads (newest first, paged): q (name, phone, e-mail), status, ownerId, source, "
            + "campaignId, temperature, queued, escalated, capturedFrom / capturedTo. A SALES_REP sees own leads only")
    public LeadPage leads(@RequestParam(required = false) @Size(max = 100) String q,
                          @RequestParam(required = false) LeadStatus status,
                          @RequestParam(required = false) UUID ownerId,
                          @RequestParam(required = false) LeadSource source,
                          @RequestParam(required = false) @Size(max = 100) String campaignId,
                          @RequestParam(required = false) Temperature temperature,
                          @RequestParam(required = false) Boolean queued,
                          @RequestParam(required = false) Boolean escalated,
                          @RequestParam(required = false) Instant capturedFrom,
                          @RequestParam(required = false) Instant capturedTo,
                          @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                          Authentication caller) {
        UUID owner = isHead(caller) ? ownerId : callerId(caller);
        return queries.query(new FindLeads(q, status, owner, source, campaignId, temperature, queued, escalated,
                capturedFrom, capturedTo, page, size), ResponseTypes.instanceOf(LeadPage.class)).join();
    }

    @GetMapping("/leads/{leadId}")
    @Operation(summary = "One lead (a SALES_REP: own leads only)")
    public LeadView lead(@PathVariable UUID leadId, Authentication caller) {
        return visibleLead(leadId, caller);
    }

    @GetMapping("/leads/{leadId}/timeline")
    @Operation(summary = "A lead's timeline, oldest first: capture, duplicates (with source and payload), "
            + "assignments (rep, rule and version, strategy, acting user), status, activities, follow-ups, SLA")
    public List<LeadTimelineEntry> timeline(@PathVariable UUID leadId, Authentication caller) {
        visibleLead(leadId, caller);
        return queries.query(new FindLeadTimeline(leadId), ResponseTypes.multipleInstancesOf(LeadTimelineEntry.class))
                .join();
    }

    @GetMapping("/reps/me/board")
    @Operation(summary = "The caller's board (SALES_REP): leads awaiting first contact with their SLA clocks, "
            + "follow-ups due and overdue")
    public RepBoardView myBoard(Authentication caller) {
        return board(callerId(caller));
    }

    @GetMapping("/reps/{repId}/board")
    @Operation(summary = "A rep's board (SALES_HEAD, ADMIN)")
    public RepBoardView repBoard(@PathVariable UUID repId) {
        return board(repId);
    }

    @GetMapping("/dashboard")
    @Operation(summary = "The sales head's dashboard (SALES_HEAD, ADMIN): funnel by stage, per-rep assigned / open / "
            + "converted / conversion rate / SLA breaches / calls, unassigned queue, escalations, duplicates")
    public CrmDashboardView dashboard() {
        return queries.query(new FindCrmDashboard(), ResponseTypes.instanceOf(CrmDashboardView.class)).join();
    }

    @GetMapping("/targets")
    @Operation(summary = "Monthly targets with progress derived from events: calls logged, leads converted (month "
            + "as 2026-11, default this month; SALES_HEAD, ADMIN: every rep; SALES_REP: own)")
    public List<TargetProgressView> targets(@RequestParam(required = false)
                                            @jakarta.validation.constraints.Pattern(regexp = "\\d{4}-\\d{2}")
                                            String month, Authentication caller) {
        return queries.query(new FindTargetProgress(month, isHead(caller) ? null : callerId(caller)),
                ResponseTypes.multipleInstancesOf(TargetProgressView.class)).join();
    }

    @GetMapping("/assignments")
    @Operation(summary = "Bulk assignment requests, newest first (SALES_HEAD, ADMIN: all; SALES_REP: own)")
    public List<BulkAssignmentView> requests(@RequestParam(required = false) BulkAssignmentStatus status,
                                             Authentication caller) {
        return queries.query(new FindBulkAssignments(status, isHead(caller) ? null : callerId(caller), null),
                ResponseTypes.multipleInstancesOf(BulkAssignmentView.class)).join();
    }

    @GetMapping("/assignments/{requestId}")
    @Operation(summary = "One bulk assignment request (SALES_HEAD, ADMIN; its SALES_REP requester)")
    public BulkAssignmentView request(@PathVariable UUID requestId, Authentication caller) {
        List<BulkAssignmentView> found = queries.query(new FindBulkAssignments(null,
                        isHead(caller) ? null : callerId(caller), requestId),
                ResponseTypes.multipleInstancesOf(BulkAssignmentView.class)).join();
        if (found.isEmpty()) {
            throw new RuleViolation("assignment-request-not-found", RuleViolation.Kind.NOT_FOUND,
                    "No such assignment request");
        }
        return found.get(0);
    }

    @GetMapping("/assignment-rules")
    @Operation(summary = "The current assignment rules with their version, and every configured rep (SALES_HEAD, ADMIN)")
    public AssignmentSetupView rules() {
        return queries.query(new FindAssignmentSetup(), ResponseTypes.instanceOf(AssignmentSetupView.class)).join();
    }

    private RepBoardView board(UUID repId) {
        return queries.query(new FindRepBoard(repId), ResponseTypes.instanceOf(RepBoardView.class)).join();
    }

    private LeadView visibleLead(UUID leadId, Authentication caller) {
        LeadView lead = queries.query(new FindLead(leadId), ResponseTypes.instanceOf(LeadView.class)).join();
        if (lead == null || (!isHead(caller) && !callerId(caller).equals(lead.ownerId()))) {
            throw new RuleViolation("lead-not-found", RuleViolation.Kind.NOT_FOUND, "No such lead");
        }
        return lead;
    }

    private static UUID callerId(Authentication caller) {
        return UUID.fromString(caller.getName());
    }

    static boolean isHead(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> "ROLE_SALES_HEAD".equals(a.getAuthority())
                || "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
