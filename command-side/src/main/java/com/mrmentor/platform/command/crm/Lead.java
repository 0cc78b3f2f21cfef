package com.mrmentor.platform.command.crm;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.mrmentor.platform.command.common.AggregateCaches;
import com.mrmentor.platform.shared.common.MetadataKeys;
import com.mrmentor.platform.shared.crm.ActivityType;
import com.mrmentor.platform.shared.crm.AssignmentStrategy;
import com.mrmentor.platform.shared.crm.ChangeLeadStatus;
import com.mrmentor.platform.shared.crm.ConvertLead;
import com.mrmentor.platform.shared.crm.FirstContactSlaBreached;
import com.mrmentor.platform.shared.crm.FollowUpCompleted;
import com.mrmentor.platform.shared.crm.FollowUpOverdue;
import com.mrmentor.platform.shared.crm.FollowUpScheduled;
import com.mrmentor.platform.shared.crm.LeadActivityLogged;
import com.mrmentor.platform.shared.crm.LeadAssigned;
import com.mrmentor.platform.shared.crm.LeadCaptured;
import com.mrmentor.platform.shared.crm.LeadConverted;
import com.mrmentor.platform.shared.crm.LeadDuplicateDetected;
import com.mrmentor.platform.shared.crm.LeadFacts;
import com.mrmentor.platform.shared.crm.LeadLeftUnassigned;
import com.mrmentor.platform.shared.crm.LeadMergeAbsorbed;
import com.mrmentor.platform.shared.crm.LeadMergeUndone;
import com.mrmentor.platform.shared.crm.LeadMerged;
import com.mrmentor.platform.shared.crm.LeadUnmerged;
import com.mrmentor.platform.shared.crm.LeadStatus;
import com.mrmentor.platform.shared.crm.LeadStatusChanged;
import com.mrmentor.platform.shared.crm.LeadTemperatureChanged;
import com.mrmentor.platform.shared.crm.LogLeadActivity;
import com.mrmentor.platform.shared.crm.ScheduleFollowUp;
import com.mrmentor.platform.shared.crm.SetLeadTemperature;
import com.mrmentor.platform.shared.crm.Temperature;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One lead of the sales pool: its pipeline status, owner, temperature, first-contact deadline and follow-ups.
 *
 * <p>Rules: only the lead's rep (or a sales head: SALES_HEAD / ADMIN) acts on it; a closed lead (CONVERTED,
 * NOT_INTERESTED, LOST) does not change; NOT_INTERESTED and LOST need a reason. A logged call's duration predicts the
 * temperature (≥ 30 s HOT, ≥ 10 s WARM, &gt; 0 s COLD) until a rep sets it by hand. Every assignment schedules a
 * first-contact deadline; when it fires with no contact since that assignment, the lead records
 * {@link FirstContactSlaBreached} and so lands in the sales head's escalation queue. Assignments are made by
 * {@link LeadIntake}, together with the {@link AssignmentDesk}'s choice.
 */
@Aggregate(cache = AggregateCaches.LEADS)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Lead {

    static final String FIRST_CONTACT_DEADLINE = "crm-first-contact";
    static final String FOLLOW_UP_DEADLINE = "crm-follow-up";

    @AggregateIdentifier
    private String id;
    private UUID leadId;
    private LeadFacts facts;
    private LeadStatus status;
    private UUID repId;
    private int assignments;
    private Instant firstContactDueAt;
    private boolean contactedSinceAssignment;
    private Temperature temperature;
    private boolean temperatureByRep;
    private String queueReason;
    private final Map<UUID, Instant> openFollowUps = new HashMap<>();
    private UUID mergedInto;
    private final Map<UUID, UUID> absorbed = new HashMap<>(); // merge id → merged lead, while not undone

    /** For Axon, which rebuilds the lead from its events. */
    protected Lead() {
    }

    /** Captures a new lead (see {@link LeadIntake}); contact details are normalised already. */
    Lead(LeadCaptured captured) {
        apply(captured);
    }

    // ---- used by LeadIntake ------------------------------------------------------------------------------------

    LeadFacts facts() {
        return facts;
    }

    UUID repId() {
        return repId;
    }

    /** Whether the rules may still assign this lead (new and never assigned, not closed). */
    boolean awaitsAssignment() {
        return repId == null && !status.isClosed() && mergedInto == null;
    }

    void recordDuplicate(LeadDuplicateDetected duplicate) {
        apply(duplicate);
    }

    /** Refuses to give a closed lead, or to give a lead to the rep that has it. */
    void requireAssignableTo(UUID rep) {
        requireOpen();
        if (rep.equals(repId)) {
            throw CrmRules.alreadyAssigned();
        }
    }

    /** Gives the lead to {@code rep} and starts the first-contact clock. */
    void assign(UUID rep, String ruleId, Integer ruleVersion, AssignmentStrategy strategy, UUID assignedBy,
                UUID requestId, String reason, CrmPolicy policy, DeadlineManager deadlines, Instant now) {
        requireAssignableTo(rep);
        Instant due = policy.firstContactDue(now);
        apply(new LeadAssigned(leadId, rep, repId, ruleId, ruleVersion, strategy, assignedBy, requestId,
                trimmedOrNull(reason), due, now));
        deadlines.schedule(due, FIRST_CONTACT_DEADLINE, bySystem(new FirstContactDue(assignments)));
    }

    /** Records why no rep took the lead, unless that is already the lead's recorded reason. */
    void leaveUnassigned(String reason, String ruleId, Instant now) {
        if (!reason.equals(queueReason)) {
            apply(new LeadLeftUnassigned(leadId, reason, ruleId, now));
        }
    }

    // ---- merging (used by LeadIntake, which loads both leads) -----------------------------------------------------

    /** Refuses a merge in which this lead cannot take part. */
    void requireMergeable() {
        requireOpen();
    }

    void mergeInto(UUID survivorId, UUID mergeId, UUID mergedBy, Instant now) {
        requireOpen();
        apply(new LeadMerged(leadId, survivorId, mergeId, mergedBy, now));
    }

    void absorb(UUID mergedLeadId, UUID mergeId, UUID mergedBy, Instant now) {
        requireOpen();
        apply(new LeadMergeAbsorbed(leadId, mergedLeadId, mergeId, mergedBy, now));
    }

    /** The lead merged into this one by {@code mergeId}, while that merge stands. */
    UUID mergedBy(UUID mergeId) {
        UUID merged = absorbed.get(mergeId);
        if (merged == null) {
            throw new com.mrmentor.platform.shared.common.RuleViolation("merge-not-found",
                    com.mrmentor.platform.shared.common.RuleViolation.Kind.NOT_FOUND,
                    "No standing merge with this id into this lead");
        }
        return merged;
    }

    void undoAbsorb(UUID mergeId, UUID undoneBy, Instant now) {
        apply(new LeadMergeUndone(leadId, mergedBy(mergeId), mergeId, undoneBy, now));
    }

    void unmerge(UUID mergeId, UUID undoneBy, Instant now) {
        if (mergedInto == null) {
            throw CrmRules.invalid("merge", "does not stand");
        }
        apply(new LeadUnmerged(leadId, mergedInto, mergeId, repId, status, undoneBy, now));
    }

    // ---- the rep's work -----------------------------------------------------------------------------------------

    @CommandHandler
    public void handle(ChangeLeadStatus command, Clock clock) {
        requireActor(command.changedBy(), command.asHead());
        if (command.to() == null) {
            throw CrmRules.missing("status");
        }
        requireOpen();
        if (!status.mayMoveTo(command.to())) {
            throw CrmRules.invalidTransition(status, command.to());
        }
        if (LeadStatus.needsReason(command.to()) && isBlank(command.reason())) {
            throw CrmRules.missing("reason");
        }
        apply(new LeadStatusChanged(leadId, status, command.to(), trimmedOrNull(command.reason()), command.changedBy(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(LogLeadActivity command, Clock clock) {
        requireActor(command.loggedBy(), command.asHead());
        if (command.type() == null) {
            throw CrmRules.missing("type");
        }
        if (command.activityId() == null) {
            throw CrmRules.missing("activity-id");
        }
        requireOpen();
        Integer duration = command.durationSeconds();
        if (command.type() == ActivityType.CALL) {
            if (duration == null) {
                throw CrmRules.missing("duration");
            }
            if (duration < 0 || duration > 86_400) {
                throw CrmRules.invalid("duration", "must be 0 to 86400 seconds");
            }
        } else if (duration != null) {
            throw CrmRules.invalid("duration", "is for calls only");
        }
        if (command.type() == ActivityType.NOTE && isBlank(command.note())) {
            throw CrmRules.missing("note");
        }
        if (command.followUpId() != null && !openFollowUps.containsKey(command.followUpId())) {
            throw CrmRules.followUpNotFound();
        }
        Instant now = clock.instant();
        apply(new LeadActivityLogged(leadId, command.activityId(), command.type(), trimmedOrNull(command.outcome()),
                duration, trimmedOrNull(command.note()), command.followUpId(), command.loggedBy(), now));
        if (command.type().isContact() && status == LeadStatus.ASSIGNED) {
            apply(new LeadStatusChanged(leadId, status, LeadStatus.CONTACTED, null, command.loggedBy(), now));
        }
        if (command.type() == ActivityType.CALL && !temperatureByRep) {
            Temperature predicted = Temperature.fromCallSeconds(duration);
            if (predicted != null && predicted != temperature) {
                apply(new LeadTemperatureChanged(leadId, predicted, false, command.loggedBy(), now));
            }
        }
        if (command.followUpId() != null) {
            apply(new FollowUpCompleted(leadId, command.followUpId(), command.activityId(), now));
        }
    }

    @CommandHandler
    public void handle(SetLeadTemperature command, Clock clock) {
        requireActor(command.setBy(), command.asHead());
        if (command.temperature() == null) {
            throw CrmRules.missing("temperature");
        }
        requireOpen();
        if (command.temperature() != temperature || !temperatureByRep) {
            apply(new LeadTemperatureChanged(leadId, command.temperature(), true, command.setBy(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(ScheduleFollowUp command, DeadlineManager deadlines, Clock clock) {
        requireActor(command.scheduledBy(), command.asHead());
        if (command.followUpId() == null) {
            throw CrmRules.missing("follow-up-id");
        }
        if (command.dueAt() == null) {
            throw CrmRules.missing("due-at");
        }
        requireOpen();
        Instant now = clock.instant();
        if (!command.dueAt().isAfter(now)) {
            throw CrmRules.invalid("due-at", "must be in the future");
        }
        if (repId == null) {
            throw CrmRules.invalid("lead", "has no rep to follow it up yet");
        }
        apply(new FollowUpScheduled(leadId, command.followUpId(), repId, command.dueAt(),
                trimmedOrNull(command.note()), command.scheduledBy(), now));
        if (status == LeadStatus.ASSIGNED || status == LeadStatus.CONTACTED) {
            apply(new LeadStatusChanged(leadId, status, LeadStatus.FOLLOW_UP, null, command.scheduledBy(), now));
        }
        deadlines.schedule(command.dueAt(), FOLLOW_UP_DEADLINE, bySystem(new FollowUpDue(command.followUpId())));
    }

    @CommandHandler
    public void handle(ConvertLead command, Clock clock) {
        requireActor(command.convertedBy(), command.asHead());
        requireOpen();
        if (command.studentId() == null) {
            throw CrmRules.missing("student");
        }
        Instant now = clock.instant();
        apply(new LeadStatusChanged(leadId, status, LeadStatus.CONVERTED, null, command.convertedBy(), now));
        apply(new LeadConverted(leadId, command.studentId(), command.accountCreated(), command.convertedBy(), now));
    }

    // ---- deadlines ----------------------------------------------------------------------------------------------

    /** No contact since the assignment this deadline belongs to: the SLA is breached and the lead escalated. */
    @DeadlineHandler(deadlineName = FIRST_CONTACT_DEADLINE)
    public void on(FirstContactDue due, Clock clock) {
        if (due.assignment() == assignments && !contactedSinceAssignment && !status.isClosed() && mergedInto == null) {
            apply(new FirstContactSlaBreached(leadId, repId, firstContactDueAt, clock.instant()));
        }
    }

    @DeadlineHandler(deadlineName = FOLLOW_UP_DEADLINE)
    public void on(FollowUpDue due, Clock clock) {
        Instant dueAt = openFollowUps.get(due.followUpId());
        if (dueAt != null && !status.isClosed() && mergedInto == null) {
            apply(new FollowUpOverdue(leadId, due.followUpId(), repId, dueAt, clock.instant()));
        }
    }

    // ---- state ------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(LeadCaptured event) {
        id = com.mrmentor.platform.shared.crm.CrmIds.lead(event.leadId());
        leadId = event.leadId();
        facts = event.facts();
        status = LeadStatus.NEW;
    }

    @EventSourcingHandler
    void on(LeadAssigned event) {
        repId = event.repId();
        assignments++;
        firstContactDueAt = event.firstContactDueAt();
        contactedSinceAssignment = false;
        queueReason = null;
        if (status == LeadStatus.NEW) {
            status = LeadStatus.ASSIGNED;
        }
    }

    @EventSourcingHandler
    void on(LeadLeftUnassigned event) {
        queueReason = event.reason();
    }

    @EventSourcingHandler
    void on(LeadStatusChanged event) {
        status = event.to();
    }

    @EventSourcingHandler
    void on(LeadActivityLogged event) {
        if (event.type().isContact()) {
            contactedSinceAssignment = true;
        }
    }

    @EventSourcingHandler
    void on(LeadTemperatureChanged event) {
        temperature = event.temperature();
        temperatureByRep |= event.setByRep();
    }

    @EventSourcingHandler
    void on(FollowUpScheduled event) {
        openFollowUps.put(event.followUpId(), event.dueAt());
    }

    @EventSourcingHandler
    void on(FollowUpCompleted event) {
        openFollowUps.remove(event.followUpId());
    }

    @EventSourcingHandler
    void on(LeadMerged event) {
        mergedInto = event.survivorId();
    }

    @EventSourcingHandler
    void on(LeadUnmerged event) {
        mergedInto = null;
    }

    @EventSourcingHandler
    void on(LeadMergeAbsorbed event) {
        absorbed.put(event.mergeId(), event.mergedLeadId());
    }

    @EventSourcingHandler
    void on(LeadMergeUndone event) {
        absorbed.remove(event.mergeId());
    }

    @EventSourcingHandler
    void on(FollowUpOverdue event) {
        // stays open (a later touch completes it); the deadline fires once
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private void requireActor(UUID actor, boolean asHead) {
        if (!asHead && (actor == null || !actor.equals(repId))) {
            throw CrmRules.notYourLead();
        }
    }

    private void requireOpen() {
        if (mergedInto != null) {
            throw new com.mrmentor.platform.shared.common.RuleViolation("lead-merged",
                    com.mrmentor.platform.shared.common.RuleViolation.Kind.CONFLICT,
                    "The lead was merged into " + mergedInto + "; undo the merge to work on it");
        }
        if (status.isClosed()) {
            throw CrmRules.leadClosed(status);
        }
    }

    private static Message<?> bySystem(Object deadlinePayload) {
        return new GenericMessage<>(deadlinePayload, Map.of(MetadataKeys.USER_ID, MetadataKeys.SYSTEM_ACTOR));
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static String trimmedOrNull(String value) {
        return isBlank(value) ? null : value.trim();
    }
}
