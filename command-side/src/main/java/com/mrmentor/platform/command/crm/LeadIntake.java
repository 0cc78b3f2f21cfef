package com.mrmentor.platform.command.crm;

import com.mrmentor.platform.shared.crm.AssignLeadToRep;
import com.mrmentor.platform.shared.crm.AssignmentStrategy;
import com.mrmentor.platform.shared.crm.AutoAssignLead;
import com.mrmentor.platform.command.identity.PersonalDataKeys;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.crm.CaptureLead;
import com.mrmentor.platform.shared.crm.CaptureLeads;
import com.mrmentor.platform.shared.crm.CrmIds;
import com.mrmentor.platform.shared.crm.LeadCaptured;
import com.mrmentor.platform.shared.crm.LeadDuplicateDetected;
import com.mrmentor.platform.shared.crm.LeadFacts;
import com.mrmentor.platform.shared.crm.MergeLeads;
import com.mrmentor.platform.shared.crm.UndoLeadMerge;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Captures leads and assigns them, each in one unit of work:
 * <ul>
 * <li>{@link CaptureLead}: normalises phone (E.164) and e-mail, looks both up in {@link CrmDirectory}; a match records
 *     {@code LeadDuplicateDetected} on the existing lead (with the new source and payload), otherwise lead
 *     {@code leadId} is created. Two arrivals racing with the same number: see {@link CrmDirectory}.</li>
 * <li>{@link CaptureLeads}: the same for a batch of arrivals (an import's rows) in one unit of work.</li>
 * <li>{@link AutoAssignLead}: the desk routes a lead still awaiting assignment by the rules; the lead records
 *     {@code LeadAssigned} (with rule, version and strategy) or waits in the unassigned queue.</li>
 * <li>{@link AssignLeadToRep}: a person's choice, recorded on the desk (capacity count) and the lead.</li>
 * </ul>
 * The lead is always loaded before the desk, so two of these never wait on each other in a circle.
 */
@Component
public class LeadIntake {

    private final Repository<Lead> leads;
    private final Repository<AssignmentDesk> desks;
    private final EventStore events;
    private final LeadContacts contacts;
    private final RepLoads loads;
    private final DeadlineManager deadlines;
    private final CrmPolicy policy;
    private final Clock clock;
    private final PersonalDataKeys keys;
    /** Set once the desk is seen in the store: it is never deleted, so later commands need not ask again. */
    private volatile boolean deskSeen;

    /** Without a key store to prepare keys in (keys are then made on first use, one by one). */
    public LeadIntake(Repository<Lead> leads, Repository<AssignmentDesk> desks, EventStore events,
                      LeadContacts contacts, RepLoads loads, DeadlineManager deadlines, CrmPolicy policy, Clock clock) {
        this(leads, desks, events, contacts, loads, deadlines, policy, clock, null);
    }

    @Autowired
    public LeadIntake(@Qualifier("leadRepository") Repository<Lead> leads,
                      @Qualifier("assignmentDeskRepository") Repository<AssignmentDesk> desks, EventStore events,
                      LeadContacts contacts, RepLoads loads, DeadlineManager deadlines, CrmPolicy policy, Clock clock,
                      PersonalDataKeys keys) {
        this.keys = keys;
        this.leads = leads;
        this.desks = desks;
        this.events = events;
        this.contacts = contacts;
        this.loads = loads;
        this.deadlines = deadlines;
        this.policy = policy;
        this.clock = clock;
    }

    @CommandHandler
    public Captured handle(CaptureLead command) throws Exception {
        if (command.leadId() == null) {
            throw CrmRules.missing("lead-id");
        }
        if (command.source() == null) {
            throw CrmRules.missing("source");
        }
        String phone = Contacts.phone(command.phone(), policy.defaultCountryCode());
        String email = Contacts.email(command.email());
        if (phone == null && email == null) {
            throw CrmRules.missing("phone-or-email");
        }
        String name = Lead.trimmedOrNull(command.name());
        Instant now = clock.instant();
        LeadContacts.Match match = contacts.leadByContact(phone, email).orElse(null);
        if (match != null) {
            leads.load(CrmIds.lead(match.leadId())).execute(lead -> lead.recordDuplicate(new LeadDuplicateDetected(
                    match.leadId(), command.leadId(), match.matchedOn(), command.source(),
                    Lead.trimmedOrNull(command.campaignId()), name, phone, email, command.rawPayload(),
                    command.capturedBy(), command.vendorKeyId(), command.importId(), now)));
            return new Captured(match.leadId(), true, match.matchedOn());
        }
        if (events.lastSequenceNumberFor(CrmIds.lead(command.leadId())).isPresent()) {
            throw CrmRules.duplicateLeadId();
        }
        leads.newInstance(() -> new Lead(new LeadCaptured(command.leadId(), name, phone, email,
                Lead.trimmedOrNull(command.city()), Lead.trimmedOrNull(command.courseInterest()),
                Lead.trimmedOrNull(command.language()), Lead.trimmedOrNull(command.campaignId()), command.source(),
                command.rawPayload(), command.capturedBy(), command.vendorKeyId(), command.importId(), now)));
        return new Captured(command.leadId(), false, null);
    }

    /**
     * A batch of arrivals in one unit of work, row by row in order with the rules of {@link CaptureLead}: a refused row
     * is answered as refused and records nothing; a row matching a lead (in the store, or created by an earlier row
     * of the batch) records a duplicate on it. Cheaper than one command per row: the batch's claims are read in one
     * query, its new leads' personal-data keys made in one transaction, and its events appended and committed at once.
     * The lead-id check of {@link CaptureLead} is left to the store's unique (aggregate, sequence) key: a taken id
     * fails the whole batch, and the caller then captures its rows one by one (see {@link LeadCapture}).
     */
    @CommandHandler
    public List<RowOutcome> handle(CaptureLeads command) throws Exception {
        Instant now = clock.instant();
        List<CaptureLead> rows = command.leads();
        String[] phones = new String[rows.size()];
        String[] emails = new String[rows.size()];
        RowOutcome[] outcomes = new RowOutcome[rows.size()];
        Set<String> allPhones = new LinkedHashSet<>();
        Set<String> allEmails = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            CaptureLead row = rows.get(i);
            try {
                if (row.leadId() == null) {
                    throw CrmRules.missing("lead-id");
                }
                if (row.source() == null) {
                    throw CrmRules.missing("source");
                }
                phones[i] = Contacts.phone(row.phone(), policy.defaultCountryCode());
                emails[i] = Contacts.email(row.email());
                if (phones[i] == null && emails[i] == null) {
                    throw CrmRules.missing("phone-or-email");
                }
            } catch (RuleViolation refused) {
                outcomes[i] = RowOutcome.refused(refused);
                continue;
            }
            if (phones[i] != null) {
                allPhones.add(phones[i]);
            }
            if (emails[i] != null) {
                allEmails.add(emails[i]);
            }
        }
        // decide every row first (stored claims, then the claims of the batch's earlier rows), so that the new leads'
        // keys can be made together before any event is sealed
        LeadContacts.Claims stored = contacts.claims(allPhones, allEmails);
        Map<String, UUID> byPhone = new HashMap<>(stored.byPhone());
        Map<String, UUID> byEmail = new HashMap<>(stored.byEmail());
        List<UUID> newLeads = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            UUID byItsPhone = phones[i] == null ? null : byPhone.get(phones[i]);
            UUID byItsEmail = emails[i] == null ? null : byEmail.get(emails[i]);
            if (byItsPhone != null) {
                outcomes[i] = new RowOutcome(byItsPhone, true, "phone", null, null);
            } else if (byItsEmail != null) {
                outcomes[i] = new RowOutcome(byItsEmail, true, "email", null, null);
            } else {
                UUID leadId = rows.get(i).leadId();
                outcomes[i] = new RowOutcome(leadId, false, null, null, null);
                newLeads.add(leadId);
                if (phones[i] != null) {
                    byPhone.put(phones[i], leadId);
                }
                if (emails[i] != null) {
                    byEmail.put(emails[i], leadId);
                }
            }
        }
        if (keys != null && !newLeads.isEmpty()) {
            keys.prepare(newLeads);
        }
        for (int i = 0; i < rows.size(); i++) {
            RowOutcome outcome = outcomes[i];
            if (outcome.refusedCode() == null) {
                record(rows.get(i), phones[i], emails[i], outcome, now);
            }
        }
        return List.of(outcomes);
    }

    private void record(CaptureLead row, String phone, String email, RowOutcome outcome, Instant now)
            throws Exception {
        String name = Lead.trimmedOrNull(row.name());
        if (outcome.duplicate()) {
            leads.load(CrmIds.lead(outcome.leadId())).execute(lead -> lead.recordDuplicate(new LeadDuplicateDetected(
                    outcome.leadId(), row.leadId(), outcome.matchedOn(), row.source(),
                    Lead.trimmedOrNull(row.campaignId()), name, phone, email, row.rawPayload(), row.capturedBy(),
                    row.vendorKeyId(), row.importId(), now)));
        } else {
            leads.newInstance(() -> new Lead(new LeadCaptured(row.leadId(), name, phone, email,
                    Lead.trimmedOrNull(row.city()), Lead.trimmedOrNull(row.courseInterest()),
                    Lead.trimmedOrNull(row.language()), Lead.trimmedOrNull(row.campaignId()), row.source(),
                    row.rawPayload(), row.capturedBy(), row.vendorKeyId(), row.importId(), now)));
        }
    }

    @CommandHandler
    public Routed handle(AutoAssignLead command) {
        Aggregate<Lead> lead = lead(command.leadId());
        if (!lead.invoke(Lead::awaitsAssignment)) {
            return new Routed(command.leadId(), lead.invoke(Lead::repId), null, null);
        }
        Instant now = clock.instant();
        if (!deskExists()) {
            lead.execute(l -> l.leaveUnassigned("no-matching-rule", null, now));
            return new Routed(command.leadId(), null, null, "no-matching-rule");
        }
        LeadFacts facts = lead.invoke(Lead::facts);
        AssignmentDesk.Decision decision = desks.load(CrmIds.DESK)
                .invoke(desk -> desk.route(command.leadId(), facts, BatchRepLoads.including(loads), policy, now));
        if (decision.assigned()) {
            BatchRepLoads.routed(decision.repId());
            lead.execute(l -> l.assign(decision.repId(), decision.ruleId(), decision.ruleVersion(),
                    decision.strategy(), null, null, null, policy, deadlines, now));
        } else {
            lead.execute(l -> l.leaveUnassigned(decision.queueReason(), decision.ruleId(), now));
        }
        return new Routed(command.leadId(), decision.repId(), decision.ruleId(), decision.queueReason());
    }

    @CommandHandler
    public Routed handle(AssignLeadToRep command) throws Exception {
        if (command.repId() == null) {
            throw CrmRules.missing("rep");
        }
        Aggregate<Lead> lead = lead(command.leadId());
        Instant now = clock.instant();
        lead.execute(l -> l.requireAssignableTo(command.repId()));
        if (deskExists()) {
            desks.load(CrmIds.DESK).execute(desk -> desk.routeManually(command.leadId(), command.repId(), policy, now));
        } else {
            desks.newInstance(() -> new AssignmentDesk(true))
                    .execute(desk -> desk.routeManually(command.leadId(), command.repId(), policy, now));
        }
        lead.execute(l -> l.assign(command.repId(), null, null, AssignmentStrategy.MANUAL, command.assignedBy(),
                command.requestId(), command.reason(), policy, deadlines, now));
        return new Routed(command.leadId(), command.repId(), null, null);
    }

    /**
     * Merges a lead into another: both are loaded (the smaller id first, so two merges never wait on each other in a
     * circle), the merged lead records {@code LeadMerged}, the survivor {@code LeadMergeAbsorbed}.
     */
    @CommandHandler
    public Merged handle(MergeLeads command) {
        if (command.survivorId() == null || command.mergedId() == null) {
            throw CrmRules.missing("lead");
        }
        if (command.survivorId().equals(command.mergedId())) {
            throw CrmRules.invalid("merge", "needs two different leads");
        }
        Aggregate<Lead>[] both = inOrder(command.survivorId(), command.mergedId());
        Aggregate<Lead> survivor = both[0];
        Aggregate<Lead> merged = both[1];
        Instant now = clock.instant();
        survivor.execute(Lead::requireMergeable);
        merged.execute(l -> l.mergeInto(command.survivorId(), command.mergeId(), command.mergedBy(), now));
        survivor.execute(l -> l.absorb(command.mergedId(), command.mergeId(), command.mergedBy(), now));
        return new Merged(command.mergeId(), command.survivorId(), command.mergedId());
    }

    @CommandHandler
    public Merged handle(UndoLeadMerge command) {
        Aggregate<Lead> survivorFirst = lead(command.survivorId());
        UUID mergedId = survivorFirst.invoke(l -> l.mergedBy(command.mergeId()));
        Aggregate<Lead>[] both = inOrder(command.survivorId(), mergedId);
        Instant now = clock.instant();
        both[0].execute(l -> l.undoAbsorb(command.mergeId(), command.undoneBy(), now));
        both[1].execute(l -> l.unmerge(command.mergeId(), command.undoneBy(), now));
        return new Merged(command.mergeId(), command.survivorId(), mergedId);
    }

    /** Survivor and merged lead, loaded in the order of their ids; answered as {survivor, merged}. */
    @SuppressWarnings("unchecked")
    private Aggregate<Lead>[] inOrder(UUID survivorId, UUID mergedId) {
        boolean survivorFirst = survivorId.compareTo(mergedId) < 0;
        Aggregate<Lead> first = lead(survivorFirst ? survivorId : mergedId);
        Aggregate<Lead> second = lead(survivorFirst ? mergedId : survivorId);
        return survivorFirst ? new Aggregate[]{first, second} : new Aggregate[]{second, first};
    }

    /** The answer to a merge or its undoing. */
    public record Merged(UUID mergeId, UUID survivorId, UUID mergedId) {
    }

    private Aggregate<Lead> lead(UUID leadId) {
        if (leadId == null) {
            throw CrmRules.missing("lead");
        }
        try {
            return leads.load(CrmIds.lead(leadId));
        } catch (AggregateNotFoundException unknown) {
            throw CrmRules.leadNotFound();
        }
    }

    private boolean deskExists() {
        if (!deskSeen) {
            deskSeen = events.lastSequenceNumberFor(CrmIds.DESK).isPresent();
        }
        return deskSeen;
    }

    /** The answer to a capture: the lead that has the contact, and whether the arrival was a duplicate of it. */
    public record Captured(UUID leadId, boolean duplicate, String matchedOn) {
    }

    /**
     * The answer to one row of a {@link CaptureLeads}: as {@link Captured}, or the code and message of the rule that
     * refused the row.
     */
    public record RowOutcome(UUID leadId, boolean duplicate, String matchedOn, String refusedCode,
                             String refusedMessage) {

        static RowOutcome refused(RuleViolation violation) {
            return new RowOutcome(null, false, null, violation.code(), violation.getMessage());
        }
    }

    /** The answer to an assignment: the rep (null when the lead waits in the queue, with the reason). */
    public record Routed(UUID leadId, UUID repId, String ruleId, String queueReason) {
    }
}
