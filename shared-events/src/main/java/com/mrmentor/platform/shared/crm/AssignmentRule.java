package com.mrmentor.platform.shared.crm;

import java.util.List;

/**
 * One rule of the ordered list: it matches a lead when every condition it sets equals the lead's value (case does not
 * matter; an unset condition matches anything); a rule without conditions is a default rule. The first matching rule
 * picks a rep among its {@code reps} with its {@code strategy}.
 */
public record AssignmentRule(String ruleId, String name, LeadSource source, String campaignId, String city,
                             String courseInterest, String language, AssignmentStrategy strategy,
                             List<RuleRep> reps) {

    /** A rep of a rule, with a weight (used by WEIGHTED only; at least 1). */
    public record RuleRep(java.util.UUID repId, int weight) {
    }
}
