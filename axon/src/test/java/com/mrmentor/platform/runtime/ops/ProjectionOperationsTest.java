package com.mrmentor.platform.runtime.ops;

import com.mrmentor.platform.shared.common.RuleViolation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The replay's refusals that an integration test cannot bring about on demand: a processor that is replaying
 * already, and a segment held by another node (the reset cannot claim it: the local processor is started again);
 * and the release of a segment, which acts on the node that holds it only.
 */
class ProjectionOperationsTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final TrackingEventProcessor ledger = mock(TrackingEventProcessor.class);
    private final OperationLog operations = mock(OperationLog.class);
    private ProjectionOperations projections;

    @BeforeEach
    void setUp() {
        when(ledger.getName()).thenReturn("token-ledger");
        when(ledger.supportsReset()).thenReturn(true);
        when(processing.eventProcessors()).thenReturn(Map.<String, EventProcessor>of("token-ledger", ledger));
        projections = new ProjectionOperations(processing, mock(EventStore.class), mock(JdbcTemplate.class),
                mock(Serializer.class), mock(ReadModelChecksum.class), operations,
                mock(PlatformTransactionManager.class), Duration.ofSeconds(2));
    }

    @Test
    void aProcessorThatIsReplayingIsNotResetAgain() {
        EventTrackerStatus halfway = mock(EventTrackerStatus.class);
        when(halfway.isReplaying()).thenReturn(true);
        when(halfway.getCurrentPosition()).thenReturn(OptionalLong.of(40));
        when(halfway.getResetPosition()).thenReturn(OptionalLong.of(100));
        when(ledger.processingStatus()).thenReturn(Map.of(0, halfway));

        assertThatThrownBy(() -> projections.replay("token-ledger", UUID.randomUUID()))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    org.assertj.core.api.Assertions.assertThat(violation.code()).isEqualTo("replay-in-progress");
                    org.assertj.core.api.Assertions.assertThat(violation.kind())
                            .isEqualTo(RuleViolation.Kind.CONFLICT);
                });
        verify(ledger, never()).shutDown();
        verify(ledger, never()).resetTokens();
    }

    @Test
    void aSegmentHeldByAnotherNodeRefusesTheReplayAndTheProcessorRunsOnHere() {
        doThrow(new UnableToClaimTokenException("segment 1 is claimed by node-b")).when(ledger).resetTokens();
        UUID admin = UUID.randomUUID();

        assertThatThrownBy(() -> projections.replay("token-ledger", admin))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> org.assertj.core.api.Assertions
                        .assertThat(violation.code()).isEqualTo("processor-claimed-elsewhere"));
        InOrder order = inOrder(ledger);
        order.verify(ledger).shutDown();
        order.verify(ledger).resetTokens();
        order.verify(ledger).start();
        verify(operations).record(eq(admin), eq(OperationLog.Action.REPLAY_REQUESTED), eq("token-ledger"), isNull(),
                isNull(), isNull(), eq("REFUSED"), any());
    }

    @Test
    void aSegmentThisNodeProcessesIsReleasedForThreeClaimIntervals() {
        when(ledger.processingStatus()).thenReturn(Map.of(1, mock(EventTrackerStatus.class)));
        UUID admin = UUID.randomUUID();

        ProjectionOperations.SegmentRelease release = projections.releaseSegment("token-ledger", 1, admin);

        verify(ledger).releaseSegment(1, 6000, TimeUnit.MILLISECONDS);
        assertThat(release.releasedBy()).isEqualTo(ProjectionOperations.NODE);
        assertThat(release.releasedFor()).isEqualTo(Duration.ofSeconds(6));
        verify(operations).record(eq(admin), eq(OperationLog.Action.SEGMENT_RELEASED), eq("token-ledger"), isNull(),
                isNull(), isNull(), eq("RELEASED"), any());
    }

    @Test
    void aSegmentAnotherNodeHoldsIsNotReleasedAndTheAnswerNamesThatNode() {
        JdbcTemplate jdbc = mock(JdbcTemplate.class);
        when(jdbc.queryForList(any(String.class), eq(String.class), eq("token-ledger"), eq(1)))
                .thenReturn(List.of("4242@node-b"));
        projections = new ProjectionOperations(processing, mock(EventStore.class), jdbc, mock(Serializer.class),
                mock(ReadModelChecksum.class), operations, mock(PlatformTransactionManager.class),
                Duration.ofSeconds(2));
        when(ledger.processingStatus()).thenReturn(Map.of(0, mock(EventTrackerStatus.class)));

        assertThatThrownBy(() -> projections.releaseSegment("token-ledger", 1, UUID.randomUUID()))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("segment-not-held-here");
                    assertThat(violation.getMessage()).contains("4242@node-b");
                });
        verify(ledger, never()).releaseSegment(anyInt(), anyLong(), any());
        verify(ledger, never()).releaseSegment(anyInt());
    }

    /** A segment this node runs that has no position yet, over a token store row without a token (a new processor). */
    @Test
    void aSegmentWithoutAPositionYetIsShownAsNotStartedInsteadOfFailing() throws Exception {
        JdbcTemplate jdbc = mock(JdbcTemplate.class);
        java.sql.ResultSet row = mock(java.sql.ResultSet.class);
        when(row.getInt("segment")).thenReturn(0);
        when(row.getString("owner")).thenReturn(ProjectionOperations.NODE);
        org.mockito.Mockito.doAnswer(invocation -> {
            invocation.<org.springframework.jdbc.core.RowCallbackHandler>getArgument(1).processRow(row);
            return null;
        }).when(jdbc).query(any(String.class), any(org.springframework.jdbc.core.RowCallbackHandler.class),
                eq("token-ledger"));
        projections = new ProjectionOperations(processing, mock(EventStore.class), jdbc, mock(Serializer.class),
                mock(ReadModelChecksum.class), operations, mock(PlatformTransactionManager.class),
                Duration.ofSeconds(2));
        EventTrackerStatus starting = mock(EventTrackerStatus.class);
        when(starting.getCurrentPosition()).thenReturn(OptionalLong.empty());
        when(ledger.processingStatus()).thenReturn(Map.of(0, starting));

        var view = projections.all().get(0);

        assertThat(view.segments()).singleElement().satisfies(segment -> assertThat(segment.position()).isNull());
    }
}
