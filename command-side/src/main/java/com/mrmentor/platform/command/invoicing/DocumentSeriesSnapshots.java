package com.mrmentor.platform.command.invoicing;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of the document series: a series gets one event per document for ever, and every issue loads it, so
 * without snapshots issuing would slow down with every document of the year.
 */
@Configuration(proxyBeanMethods = false)
public class DocumentSeriesSnapshots {

    static final String TRIGGER = "documentSeriesSnapshotTrigger";
    static final String FILTER = "documentSeriesSnapshotFilter";
    /** Bump together with the fields of {@link DocumentSeries}. */
    static final String REVISION = "1";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition documentSeriesSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 100);
    }

    @Bean(FILTER)
    SnapshotFilter documentSeriesSnapshotFilter() {
        return RevisionSnapshotFilter.builder().type(DocumentSeries.class).revision(REVISION).build();
    }
}
