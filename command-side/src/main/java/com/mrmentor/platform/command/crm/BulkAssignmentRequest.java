package com.mrmentor.platform.command.crm;

import com.mrmentor.platform.shared.crm.ApproveBulkAssignment;
import com.mrmentor.platform.shared.crm.BulkAssignmentApproved;
import com.mrmentor.platform.shared.crm.BulkAssignmentCarriedOut;
import com.mrmentor.platform.shared.crm.BulkAssignmentLapsed;
import com.mrmentor.platform.shared.crm.BulkAssignmentRejected;
import com.mrmentor.platform.shared.crm.BulkAssignmentRequested;
import com.mrmentor.platform.shared.crm.BulkAssignmentStatus;
import com.mrmentor.platform.shared.crm.CrmIds;
import com.mrmentor.platform.shared.crm.LapseBulkAssignment;
import com.mrmentor.platform.shared.crm.RecordBulkAssignmentOutcome;
import com.mrmentor.platform.shared.crm.RejectBulkAssignment;
import com.mrmentor.platform.shared.crm.RequestBulkAssignment;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A request to give many leads (more than the approval threshold, or any number asked by a SALES_REP) to one rep.
 * Maker-checker: a sales head other than the requester approves or rejects it (a rejection needs a comment) before
 * {@code decideBy}; after that it lapses. {@code BulkAssignmentSaga} carries an approved request out lead by lead.
 */
@Aggregate
public class BulkAssignmentRequest {

    @AggregateIdentifier
    private String id;
    private UUID requestId;
    private UUID requestedBy;
    private List<UUID> leadIds;
    private UUID repId;
    private Instant decideBy;
    private BulkAssignmentStatus status;

    protected BulkAssignmentRequest() {
    }

    @CommandHandler
    public BulkAssignmentRequest(RequestBulkAssignment command, CrmPolicy policy, Clock clock) {
        if (command.requestId() == null) {
            throw CrmRules.missing("request-id");
        }
        if (command.repId() == null) {
            throw CrmRules.missing("rep");
        }
        if (command.leadIds() == null || command.leadIds().isEmpty()) {
            throw CrmRules.missing("leads");
        }
        List<UUID> leads = List.copyOf(new LinkedHashSet<>(command.leadIds()));
        if (leads.size() > CrmRules.MAX_BULK_LEADS) {
            throw CrmRules.tooManyLeads(CrmRules.MAX_BULK_LEADS);
        }
        Instant now = clock.instant();
        apply(new BulkAssignmentRequested(command.requestId(), leads, command.repId(), command.requestedBy(),
                Lead.trimmedOrNull(command.reason()), now, now.plus(policy.approvalTimeout())));
    }

    @CommandHandler
    public void handle(ApproveBulkAssignment command, Clock clock) {
        Instant now = decidable(command.approvedBy(), clock);
        apply(new BulkAssignmentApproved(requestId, leadIds, repId, command.approvedBy(),
                Lead.trimmedOrNull(command.comment()), now));
    }

    @CommandHandler
    public void handle(RejectBulkAssignment command, Clock clock) {
        if (Lead.isBlank(command.comment())) {
            throw CrmRules.missing("comment");
        }
        Instant now = decidable(command.rejectedBy(), clock);
        apply(new BulkAssignmentRejected(requestId, command.rejectedBy(), command.comment().trim(), now));
    }

    /** From the saga's deadline: a request still pending lapses; a decided one stays as it is. */
    @CommandHandler
    public void handle(LapseBulkAssignment command, Clock clock) {
        if (status == BulkAssignmentStatus.PENDING) {
            apply(new BulkAssignmentLapsed(requestId, clock.instant()));
        }
    }

    @CommandHandler
    public void handle(RecordBulkAssignmentOutcome command, Clock clock) {
        if (status == BulkAssignmentStatus.APPROVED) {
            apply(new BulkAssignmentCarriedOut(requestId, command.assigned(),
                    command.failures() == null ? List.of() : List.copyOf(command.failures()), clock.instant()));
        }
    }

    private Instant decidable(UUID decider, Clock clock) {
        if (status != BulkAssignmentStatus.PENDING) {
            throw CrmRules.requestDecided(status);
        }
        Instant now = clock.instant();
        if (!now.isBefore(decideBy)) {
            throw CrmRules.requestDecided(BulkAssignmentStatus.LAPSED);
        }
        if (requestedBy.equals(decider)) {
            throw CrmRules.ownRequest();
        }
        return now;
    }

    @EventSourcingHandler
    void on(BulkAssignmentRequested event) {
        id = CrmIds.request(event.requestId());
        requestId = event.requestId();
        requestedBy = event.requestedBy();
        leadIds = event.leadIds();
        repId = event.repId();
        decideBy = event.decideBy();
        status = BulkAssignmentStatus.PENDING;
    }

    @EventSourcingHandler
    void on(BulkAssignmentApproved event) {
        status = BulkAssignmentStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(BulkAssignmentRejected event) {
        status = BulkAssignmentStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(BulkAssignmentLapsed event) {
        status = BulkAssignmentStatus.LAPSED;
    }

    @EventSourcingHandler
    void on(BulkAssignmentCarriedOut event) {
        status = BulkAssignmentStatus.CARRIED_OUT;
    }
}
