package com.mrmentor.platform.query.crm;

import com.mrmentor.platform.projections.crm.CrmReads;
import com.mrmentor.platform.shared.crm.AssignmentSetupView;
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
import com.mrmentor.platform.shared.crm.LeadTimelineEntry;
import com.mrmentor.platform.shared.crm.LeadView;
import com.mrmentor.platform.shared.crm.RepBoardView;
import com.mrmentor.platform.shared.crm.FindTargetProgress;
import com.mrmentor.platform.shared.crm.RepStatsView;
import com.mrmentor.platform.shared.crm.TargetProgressView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Answers the CRM's queries from its read models. */
@Component
public class CrmQueryHandlers {

    private final CrmReads reads;
    private final Clock clock;

    private final ZoneId zone;

    public CrmQueryHandlers(CrmReads reads, Clock clock, @Value("${platform.crm.zone:Asia/Kolkata}") ZoneId zone) {
        this.reads = reads;
        this.clock = clock;
        this.zone = zone;
    }

    @QueryHandler
    public LeadPage handle(FindLeads query) {
        return reads.leads(query);
    }

    @QueryHandler
    public LeadView handle(FindLead query) {
        return reads.lead(query.leadId());
    }

    @QueryHandler
    public List<LeadTimelineEntry> handle(FindLeadTimeline query) {
        return reads.timeline(query.leadId());
    }

    @QueryHandler
    public RepBoardView handle(FindRepBoard query) {
        return reads.board(query.repId(), clock.instant());
    }

    @QueryHandler
    public CrmDashboardView handle(FindCrmDashboard query) {
        CrmDashboardView dashboard = reads.dashboard();
        YearMonth month = YearMonth.from(clock.instant().atZone(zone));
        Map<UUID, TargetProgressView> targets = new HashMap<>();
        for (TargetProgressView target : targets(month, null)) {
            targets.put(target.repId(), target);
        }
        List<RepStatsView> reps = dashboard.reps().stream().map(rep -> {
            TargetProgressView target = targets.get(rep.repId());
            return target == null ? rep : new RepStatsView(rep.repId(), rep.assigned(), rep.open(), rep.converted(),
                    rep.conversionRate(), rep.slaBreaches(), rep.calls(), (long) target.targetCalls(),
                    (long) target.targetConversions());
        }).toList();
        return new CrmDashboardView(dashboard.funnel(), reps, dashboard.unassigned(), dashboard.escalated(),
                dashboard.duplicates());
    }

    @QueryHandler
    public List<TargetProgressView> handle(FindTargetProgress query) {
        YearMonth month = query.month() == null ? YearMonth.from(clock.instant().atZone(zone))
                : YearMonth.parse(query.month());
        return targets(month, query.repId());
    }

    private List<TargetProgressView> targets(YearMonth month, UUID repId) {
        return reads.targets(month.toString(), month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(), repId);
    }

    @QueryHandler
    public List<BulkAssignmentView> handle(FindBulkAssignments query) {
        return reads.bulkAssignments(query.status(), query.requestedBy(), query.requestId());
    }

    @QueryHandler
    public AssignmentSetupView handle(FindAssignmentSetup query) {
        return reads.setup();
    }
}
