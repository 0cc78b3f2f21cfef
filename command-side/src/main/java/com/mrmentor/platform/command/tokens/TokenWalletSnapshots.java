package com.mrmentor.platform.command.tokens;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Snapshots of busy wallets. Without them every command replays the wallet's whole stream, which the benchmark
 * showed growing linearly with a wallet's age (docs/performance.md). A snapshot every
 * {@code platform.tokens.snapshot-threshold} events bounds a load to one snapshot plus at most that many events.
 * Snapshots, unlike an aggregate cache, stay correct when several nodes write to the same event store.
 */
@Configuration(proxyBeanMethods = false)
public class TokenWalletSnapshots {

    static final String TRIGGER = "tokenWalletSnapshotTrigger";
    static final String FILTER = "tokenWalletSnapshotFilter";
    /** Bump together with {@code @Revision} on {@link TokenWallet} whenever its fields change shape. */
    static final String REVISION = "1";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition tokenWalletSnapshotTrigger(Snapshotter snapshotter,
                                                         @Value("${platform.tokens.snapshot-threshold:100}")
                                                         int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Snapshots of another state shape are ignored (the wallet is rebuilt from its events and snapshotted anew). */
    @Bean(FILTER)
    SnapshotFilter tokenWalletSnapshotFilter() {
        return RevisionSnapshotFilter.builder().type(TokenWallet.class).revision(REVISION).build();
    }
}
