package com.mrmentor.platform.command.crm;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** FEWEST_OPEN inside a batch: the leads routed earlier in the same batch count as open before they are stored. */
class BatchRepLoadsTest {

    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final RepLoads stored = reps -> Map.of(ann, 3L, bob, 4L);

    @AfterEach
    void noUnitOfWorkLeft() {
        while (org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted()) {
            org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().rollback();
        }
    }

    @Test
    void routesOfEarlierArrivalsInTheBatchAreAddedToTheStoredCounts() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(new GenericMessage<>("batch"));
        for (int arrival = 0; arrival < 2; arrival++) { // each arrival's command runs nested in the batch
            UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(new GenericMessage<>("arrival " + arrival));
            BatchRepLoads.routed(ann);
            nested.commit();
        }

        Map<UUID, Long> seen = BatchRepLoads.including(stored).openLeads(List.of(ann, bob));

        assertThat(seen).containsEntry(ann, 5L).containsEntry(bob, 4L);
        batch.commit();
    }

    @Test
    void aNewBatchStartsFromTheStoredCounts() {
        UnitOfWork<?> first = DefaultUnitOfWork.startAndGet(new GenericMessage<>("first batch"));
        BatchRepLoads.routed(ann);
        first.commit();

        DefaultUnitOfWork.startAndGet(new GenericMessage<>("second batch"));
        assertThat(BatchRepLoads.including(stored).openLeads(List.of(ann, bob))).containsEntry(ann, 3L);
    }

    @Test
    void outsideAUnitOfWorkTheStoredCountsAreAnswered() {
        BatchRepLoads.routed(ann);

        assertThat(BatchRepLoads.including(stored).openLeads(List.of(ann, bob))).containsEntry(ann, 3L)
                .containsEntry(bob, 4L);
    }
}
