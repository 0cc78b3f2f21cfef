package com.mrmentor.platform.command.crm;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.mrmentor.platform.command.common.AggregateCaches;
import com.mrmentor.platform.shared.crm.AssignmentRule;
import com.mrmentor.platform.shared.crm.AssignmentRule.RuleRep;
import com.mrmentor.platform.shared.crm.AssignmentRulesPublished;
import com.mrmentor.platform.shared.crm.AssignmentStrategy;
import com.mrmentor.platform.shared.crm.ConfigureSalesRep;
import com.mrmentor.platform.shared.crm.CrmIds;
import com.mrmentor.platform.shared.crm.LeadFacts;
import com.mrmentor.platform.shared.crm.LeadRouted;
import com.mrmentor.platform.shared.crm.PublishAssignmentRules;
import com.mrmentor.platform.shared.crm.RepAvailability;
import com.mrmentor.platform.shared.crm.SalesRepConfigured;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The one assignment desk: the ordered, versioned rule list, every rep's daily capacity and availability, each rule's
 * rotation and the day's assignment counts. Every assignment passes through it ({@link LeadRouted}), so choices are
 * serialized: two leads arriving at once never both take a rep's last place of the day, and round robin is a pointer
 * in this aggregate — replaying its events gives the same choices.
 *
 * <p>Choosing: the first rule whose conditions all match the lead wins; among the rule's reps, only ACTIVE reps
 * below today's capacity are eligible; ROUND_ROBIN takes the next eligible rep after the rule's last one,
 * FEWEST_OPEN the eligible rep with fewest open leads ({@link RepLoads}), WEIGHTED the eligible rep with the lowest
 * leads-under-this-rule / weight. Ties go to the rep listed first. No match, or nobody eligible: the lead waits in the
 * unassigned queue. Reps never configured count as ACTIVE with the default capacity.
 */
@Aggregate(snapshotTriggerDefinition = CrmSnapshots.TRIGGER, cache = AggregateCaches.ASSIGNMENT_DESK)
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class AssignmentDesk {

    static final int MAX_RULES = 100;
    static final int MAX_REPS_PER_RULE = 200;

    @AggregateIdentifier
    private String deskId;
    private int version;
    private List<AssignmentRule> rules = new ArrayList<>();
    private final Map<UUID, RepState> reps = new HashMap<>();
    private final Map<String, UUID> lastRepByRule = new HashMap<>();
    private final Map<String, Map<UUID, Long>> countsByRule = new HashMap<>();
    private LocalDate day;
    private final Map<UUID, Integer> todayByRep = new HashMap<>();

    /** For Axon. */
    protected AssignmentDesk() {
    }

    /** The desk as it is before anything was configured (for a first assignment). */
    AssignmentDesk(boolean fresh) {
        deskId = CrmIds.DESK;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(PublishAssignmentRules command, Clock clock) {
        if (command.rules() == null) {
            throw CrmRules.missing("rules");
        }
        if (command.rules().size() > MAX_RULES) {
            throw CrmRules.invalid("rules", "may hold at most " + MAX_RULES + " rules");
        }
        Set<String> ids = new HashSet<>();
        List<AssignmentRule> normalised = new ArrayList<>();
        for (AssignmentRule rule : command.rules()) {
            if (rule == null || isBlank(rule.ruleId())) {
                throw CrmRules.missing("rule-id");
            }
            String ruleId = rule.ruleId().trim();
            if (!ids.add(ruleId)) {
                throw CrmRules.invalid("rules", "name rule " + ruleId + " twice");
            }
            if (rule.strategy() == null || rule.strategy() == AssignmentStrategy.MANUAL) {
                throw CrmRules.invalid("strategy", "of rule " + ruleId + " must be ROUND_ROBIN, FEWEST_OPEN or WEIGHTED");
            }
            if (rule.reps() == null || rule.reps().isEmpty() || rule.reps().size() > MAX_REPS_PER_RULE) {
                throw CrmRules.invalid("reps", "of rule " + ruleId + " must name 1 to " + MAX_REPS_PER_RULE + " reps");
            }
            Set<UUID> seen = new HashSet<>();
            List<RuleRep> ruleReps = new ArrayList<>();
            for (RuleRep rep : rule.reps()) {
                if (rep == null || rep.repId() == null || !seen.add(rep.repId())) {
                    throw CrmRules.invalid("reps", "of rule " + ruleId + " must be distinct rep ids");
                }
                int weight = rep.weight() == 0 ? 1 : rep.weight();
                if (weight < 1 || weight > 100) {
                    throw CrmRules.invalid("weight", "must be 1 to 100");
                }
                ruleReps.add(new RuleRep(rep.repId(), weight));
            }
            normalised.add(new AssignmentRule(ruleId, trimmedOrNull(rule.name()), rule.source(),
                    trimmedOrNull(rule.campaignId()), trimmedOrNull(rule.city()), trimmedOrNull(rule.courseInterest()),
                    trimmedOrNull(rule.language()), rule.strategy(), List.copyOf(ruleReps)));
        }
        apply(new AssignmentRulesPublished(version + 1, List.copyOf(normalised), command.publishedBy(),
                clock.instant()));
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ConfigureSalesRep command, Clock clock) {
        if (command.repId() == null) {
            throw CrmRules.missing("rep");
        }
        if (command.availability() == null) {
            throw CrmRules.missing("availability");
        }
        if (command.dailyCapacity() < 0 || command.dailyCapacity() > 1000) {
            throw CrmRules.invalid("daily-capacity", "must be 0 to 1000");
        }
        apply(new SalesRepConfigured(command.repId(), command.dailyCapacity(), command.availability(),
                command.configuredBy(), clock.instant()));
    }

    /** The outcome of routing one lead: a rep chosen by a rule, or why nobody was. */
    record Decision(UUID repId, String ruleId, Integer ruleVersion, AssignmentStrategy strategy, String queueReason) {
        boolean assigned() {
            return repId != null;
        }
    }

    /** Chooses a rep for the lead by the rules and records the choice; or says why nobody could take it. */
    Decision route(UUID leadId, LeadFacts facts, RepLoads loads, CrmPolicy policy, Instant now) {
        AssignmentRule rule = rules.stream().filter(r -> matches(r, facts)).findFirst().orElse(null);
        if (rule == null) {
            return new Decision(null, null, null, null, "no-matching-rule");
        }
        LocalDate today = policy.day(now);
        List<UUID> eligible = rule.reps().stream().map(RuleRep::repId)
                .filter(rep -> eligible(rep, today, policy)).toList();
        if (eligible.isEmpty()) {
            return new Decision(null, rule.ruleId(), version, rule.strategy(), "no-eligible-rep");
        }
        UUID chosen = switch (rule.strategy()) {
            case ROUND_ROBIN -> nextInRotation(rule, eligible);
            case FEWEST_OPEN -> fewestOpen(eligible, loads);
            case WEIGHTED -> weighted(rule, eligible);
            case MANUAL -> throw new IllegalStateException("rules never use MANUAL");
        };
        apply(new LeadRouted(leadId, chosen, rule.ruleId(), version, rule.strategy(), today, now));
        return new Decision(chosen, rule.ruleId(), version, rule.strategy(), null);
    }

    /** Records a person's choice of rep; refused for a rep on leave. Counts against the rep's day. */
    void routeManually(UUID leadId, UUID repId, CrmPolicy policy, Instant now) {
        RepState rep = reps.get(repId);
        if (rep != null && rep.availability() == RepAvailability.ON_LEAVE) {
            throw CrmRules.repUnavailable(rep.availability());
        }
        apply(new LeadRouted(leadId, repId, null, null, AssignmentStrategy.MANUAL, policy.day(now), now));
    }

    private boolean eligible(UUID repId, LocalDate today, CrmPolicy policy) {
        RepState rep = reps.get(repId);
        RepAvailability availability = rep == null ? RepAvailability.ACTIVE : rep.availability();
        int capacity = rep == null ? policy.defaultDailyCapacity() : rep.dailyCapacity();
        int assignedToday = today.equals(day) ? todayByRep.getOrDefault(repId, 0) : 0;
        return availability == RepAvailability.ACTIVE && assignedToday < capacity;
    }

    private UUID nextInRotation(AssignmentRule rule, List<UUID> eligible) {
        List<UUID> order = rule.reps().stream().map(RuleRep::repId).toList();
        int last = order.indexOf(lastRepByRule.get(rule.ruleId()));
        for (int step = 1; step <= order.size(); step++) {
            UUID candidate = order.get(Math.floorMod(last + step, order.size()));
            if (eligible.contains(candidate)) {
                return candidate;
            }
        }
        return eligible.get(0);
    }

    private static UUID fewestOpen(List<UUID> eligible, RepLoads loads) {
        Map<UUID, Long> open = loads.openLeads(eligible);
        UUID best = null;
        long fewest = Long.MAX_VALUE;
        for (UUID rep : eligible) {
            long count = open.getOrDefault(rep, 0L);
            if (count < fewest) {
                fewest = count;
                best = rep;
            }
        }
        return best;
    }

    private UUID weighted(AssignmentRule rule, List<UUID> eligible) {
        Map<UUID, Long> counts = countsByRule.getOrDefault(rule.ruleId(), Map.of());
        UUID best = null;
        double lowest = Double.MAX_VALUE;
        for (RuleRep rep : rule.reps()) {
            if (!eligible.contains(rep.repId())) {
                continue;
            }
            double load = counts.getOrDefault(rep.repId(), 0L) / (double) rep.weight();
            if (load < lowest) {
                lowest = load;
                best = rep.repId();
            }
        }
        return best;
    }

    static boolean matches(AssignmentRule rule, LeadFacts facts) {
        return (rule.source() == null || rule.source() == facts.source())
                && same(rule.campaignId(), facts.campaignId())
                && same(rule.city(), facts.city())
                && same(rule.courseInterest(), facts.courseInterest())
                && same(rule.language(), facts.language());
    }

    private static boolean same(String condition, String value) {
        return condition == null || (value != null
                && condition.trim().toLowerCase(Locale.ROOT).equals(value.trim().toLowerCase(Locale.ROOT)));
    }

    // ---- state ------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(AssignmentRulesPublished event) {
        deskId = CrmIds.DESK;
        version = event.version();
        rules = new ArrayList<>(event.rules());
    }

    @EventSourcingHandler
    void on(SalesRepConfigured event) {
        deskId = CrmIds.DESK;
        reps.put(event.repId(), new RepState(event.dailyCapacity(), event.availability()));
    }

    @EventSourcingHandler
    void on(LeadRouted event) {
        deskId = CrmIds.DESK;
        if (!event.day().equals(day)) {
            day = event.day();
            todayByRep.clear();
        }
        todayByRep.merge(event.repId(), 1, Integer::sum);
        if (event.ruleId() != null) {
            lastRepByRule.put(event.ruleId(), event.repId());
            countsByRule.computeIfAbsent(event.ruleId(), r -> new HashMap<>()).merge(event.repId(), 1L, Long::sum);
        }
    }

    /** A rep's settings. */
    record RepState(int dailyCapacity, RepAvailability availability) {
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmedOrNull(String value) {
        return isBlank(value) ? null : value.trim();
    }
}
