package com.mrmentor.platform.command.crm;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Open leads per rep as FEWEST_OPEN must see them inside a processor's batch. The directory ({@link CrmDirectory})
 * counts the leads whose assignment is stored; the arrivals processor assigns up to a batch of leads in one unit of
 * work, each {@code AutoAssignLead} nested in it, and their events are stored (and counted) only when the batch
 * commits. The routes made earlier in the same batch are kept in a resource of the root unit of work and added, so
 * the fiftieth lead of a batch does not go to the rep the first forty-nine went to.
 */
final class BatchRepLoads {

    private static final String ROUTED = BatchRepLoads.class.getName() + ".routed";

    private BatchRepLoads() {
    }

    /** The stored counts plus the routes of the current batch. */
    static RepLoads including(RepLoads stored) {
        return reps -> {
            Map<UUID, Long> counts = new HashMap<>(stored.openLeads(reps));
            Map<UUID, Long> routed = routedInThisBatch();
            for (UUID rep : reps) {
                Long more = routed.get(rep);
                if (more != null) {
                    counts.merge(rep, more, Long::sum);
                }
            }
            return counts;
        };
    }

    /** Notes a lead routed to {@code rep} in the current batch (nothing outside a unit of work). */
    static void routed(UUID rep) {
        if (CurrentUnitOfWork.isStarted()) {
            routedInThisBatch().merge(rep, 1L, Long::sum);
        }
    }

    private static Map<UUID, Long> routedInThisBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Map.of();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(ROUTED, key -> new HashMap<UUID, Long>());
    }
}
