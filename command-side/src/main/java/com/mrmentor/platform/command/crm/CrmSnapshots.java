package com.mrmentor.platform.command.crm;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of the assignment desk, which records every assignment: without them each assignment would replay the
 * desk's whole history. Bump {@code @Revision} on {@link AssignmentDesk} whenever its fields change shape.
 */
@Configuration(proxyBeanMethods = false)
public class CrmSnapshots {

    static final String TRIGGER = "assignmentDeskSnapshotTrigger";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition assignmentDeskSnapshotTrigger(Snapshotter snapshotter,
                                                            @Value("${platform.crm.snapshot-threshold:100}")
                                                            int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
