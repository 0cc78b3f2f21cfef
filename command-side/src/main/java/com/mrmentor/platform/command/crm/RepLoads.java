package com.mrmentor.platform.command.crm;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** How many open leads each rep holds now (for FEWEST_OPEN); answered by {@link CrmDirectory}. */
public interface RepLoads {

    /** Open leads per rep of {@code reps}; reps without any may be missing. */
    Map<UUID, Long> openLeads(Collection<UUID> reps);
}
