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
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** Answers the CRM's queries from its read models. */
@Component
public class CrmQueryHandlers {

    private final CrmReads reads;
    private final Clock clock;

    public CrmQueryHandlers(CrmReads reads, Clock clock) {
        this.reads = reads;
        this.clock = clock;
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
        return reads.dashboard();
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
