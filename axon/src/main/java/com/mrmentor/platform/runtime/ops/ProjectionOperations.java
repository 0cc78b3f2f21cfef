package com.mrmentor.platform.runtime.ops;

import com.mrmentor.platform.shared.common.RuleViolation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.saga.AbstractSagaManager;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the event processors are doing, and the rebuild of a read model from the first event while the rest of the
 * platform keeps serving. Positions come from the token store (every node's segments), local state (running, error,
 * caught up) from this node's processors, the head from the event store, parked events from the dead-letter table.
 */
@Service
class ProjectionOperations {

    /** One segment of a processor: its position in the token store and, if this node runs it, its local state. */
    record SegmentView(int segment, String owner, Long position, Long lag, boolean replaying, Long replayUntil,
                       Double replayProgress, Boolean caughtUp, String error) {
    }

    /** One event processor (processing group). */
    record ProcessorView(String name, String mode, boolean replayableReadModel, String notReplayableBecause,
                         boolean running, boolean error, long headPosition, Long lag, boolean replaying,
                         Double replayProgress, long deadLetters, List<String> tables, List<SegmentView> segments) {
    }

    /** A read model's checksum with the positions its processor had reached when it was taken. */
    record ChecksumView(String name, String sha256, long headPosition, List<SegmentView> segments,
                        List<ReadModelChecksum.TableChecksum> tables) {
    }

    /** What a segment release did: which node let go of which segment, and for how long it will not take it back. */
    record SegmentRelease(String name, int segment, String releasedBy, Duration releasedFor) {
    }

    /**
     * This node's name in the token store's {@code owner} column: Axon's JDBC token store names a node by its JVM
     * ({@code pid@host}) unless told otherwise, and the platform does not tell it otherwise.
     */
    static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final ReadModelChecksum checksums;
    private final OperationLog operations;
    private final TransactionTemplate snapshot;
    private final Map<String, Object> replayLocks = new ConcurrentHashMap<>();
    private final Duration releaseFor;

    ProjectionOperations(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
                         Serializer serializer, ReadModelChecksum checksums, OperationLog operations,
                         PlatformTransactionManager transactions,
                         @Value("${platform.event-processing.token-claim-interval:PT5S}") Duration claimInterval) {
        // long enough for the other nodes to look for free segments (every claim interval) at least twice
        this.releaseFor = claimInterval.multipliedBy(3);
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.checksums = checksums;
        this.operations = operations;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    List<ProcessorView> all() {
        long head = head();
        Map<String, Long> parked = deadLetterCounts();
        return processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(processor -> view(processor, head, parked.getOrDefault(processor.getName(), 0L)))
                .toList();
    }

    ProcessorView one(String name) {
        EventProcessor processor = processor(name);
        return view(processor, head(), deadLetterCounts().getOrDefault(name, 0L));
    }

    /**
     * Rebuilds the read model of {@code name}: shuts its processor down on this node, resets its tokens (its reset
     * handler empties its tables and its parked events are dropped, in the reset's transaction: the replay brings
     * every event again) and starts it; it then replays from the first event. Refused for anything that is not a
     * replayable read model, while a replay runs, and while another node holds one of its segments.
     */
    ProcessorView replay(String name, UUID actor) {
        EventProcessor processor = processor(name);
        String refusal = notReplayableBecause(processor);
        if (refusal != null) {
            throw new RuleViolation("not-replayable", RuleViolation.Kind.CONFLICT,
                    "Processor " + name + " cannot be replayed: " + refusal);
        }
        StreamingEventProcessor streaming = (StreamingEventProcessor) processor;
        synchronized (replayLocks.computeIfAbsent(name, key -> new Object())) {
            if (replayInProgress(name, streaming)) {
                throw new RuleViolation("replay-in-progress", RuleViolation.Kind.CONFLICT,
                        "Processor " + name + " is replaying already; wait until it reaches the head");
            }
            long parked = deadLetterCounts().getOrDefault(name, 0L);
            streaming.shutDown();
            try {
                streaming.resetTokens();
            } catch (UnableToClaimTokenException claimedElsewhere) {
                streaming.start();
                operations.record(actor, OperationLog.Action.REPLAY_REQUESTED, name, null, null, null, "REFUSED",
                        "a segment is claimed by another node: " + claimedElsewhere.getMessage());
                throw new RuleViolation("processor-claimed-elsewhere", RuleViolation.Kind.CONFLICT,
                        "Another node holds a segment of " + name + "; stop the processor on every other node, "
                                + "then ask again");
            } catch (RuntimeException failed) {
                streaming.start();
                operations.record(actor, OperationLog.Action.REPLAY_REQUESTED, name, null, null, null, "FAILED",
                        failed.toString());
                throw failed;
            }
            streaming.start();
            operations.record(actor, OperationLog.Action.REPLAY_REQUESTED, name, null, null, null, "STARTED",
                    "tokens reset to the first event at head " + head() + "; " + parked
                            + " parked event(s) dropped (the replay delivers them again)");
        }
        return one(name);
    }

    /**
     * Lets go of one segment of {@code name} that this node processes, and does not claim it again for a few claim
     * intervals, so that another node with a free thread for the processor takes it. Axon's tracking processors
     * never rebalance by themselves: a node that started first keeps every segment it claimed while later nodes idle
     * (docs/adr/0012). Refused when this node does not hold the segment (the answer names the node that does).
     */
    SegmentRelease releaseSegment(String name, int segment, UUID actor) {
        EventProcessor processor = processor(name);
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            throw new RuleViolation("not-a-streaming-processor", RuleViolation.Kind.CONFLICT,
                    "Processor " + name + " is a subscribing processor: it has no segments");
        }
        if (!streaming.processingStatus().containsKey(segment)) {
            List<String> owners = jdbc.queryForList("SELECT owner FROM token_entry WHERE processor_name = ? "
                    + "AND segment = ?", String.class, name, segment);
            String holder = owners.isEmpty() ? "no segment " + segment + " exists"
                    : owners.get(0) == null ? "no node holds it" : "node " + owners.get(0) + " holds it";
            operations.record(actor, OperationLog.Action.SEGMENT_RELEASED, name, null, null, null, "REFUSED",
                    "segment " + segment + " asked of node " + NODE + ": " + holder);
            throw new RuleViolation("segment-not-held-here", RuleViolation.Kind.CONFLICT,
                    "Node " + NODE + " does not process segment " + segment + " of " + name + " (" + holder
                            + "); send the request to the node that holds it");
        }
        streaming.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
        operations.record(actor, OperationLog.Action.SEGMENT_RELEASED, name, null, null, null, "RELEASED",
                "segment " + segment + " released by node " + NODE + " for " + releaseFor);
        return new SegmentRelease(name, segment, NODE, releaseFor);
    }

    /** Whether a segment, here (live state) or in the token store (any node), is still short of its reset point. */
    private boolean replayInProgress(String name, StreamingEventProcessor processor) {
        boolean here = processor.processingStatus().values().stream().anyMatch(status -> status.isReplaying()
                && status.getCurrentPosition().orElse(-1) < status.getResetPosition().orElse(Long.MAX_VALUE));
        return here || segments(name, processor, head()).stream().anyMatch(SegmentView::replaying);
    }

    /** The checksum of the read model of {@code name}, with its positions, in one snapshot. */
    ChecksumView checksum(String name) {
        EventProcessor processor = processor(name);
        ReadModelCatalog.ReadModel model = ReadModelCatalog.readModel(name).orElseThrow(() -> new RuleViolation(
                "not-a-read-model", RuleViolation.Kind.CONFLICT, "Processor " + name + " has no read model tables"));
        return snapshot.execute(status -> {
            long head = head();
            List<SegmentView> segments = segments(name, processor instanceof StreamingEventProcessor s ? s : null,
                    head);
            ReadModelChecksum.Checksum sum = checksums.of(model);
            return new ChecksumView(name, sum.sha256(), head, segments, sum.tables());
        });
    }

    private ProcessorView view(EventProcessor processor, long head, long deadLetters) {
        String name = processor.getName();
        StreamingEventProcessor streaming = processor instanceof StreamingEventProcessor s ? s : null;
        List<SegmentView> segments = streaming == null ? List.of() : segments(name, streaming, head);
        boolean replaying = segments.stream().anyMatch(SegmentView::replaying);
        Long lag = segments.isEmpty() ? null : segments.stream()
                .map(s -> s.lag() == null ? head : s.lag()).max(Long::compare).orElse(0L);
        Double progress = !replaying ? null : segments.stream().filter(SegmentView::replaying)
                .map(s -> s.replayProgress() == null ? 0.0 : s.replayProgress()).min(Double::compare).orElse(0.0);
        boolean error = streaming instanceof TrackingEventProcessor tracking ? tracking.isError()
                : streaming instanceof PooledStreamingEventProcessor pooled && pooled.isError();
        List<String> tables = ReadModelCatalog.readModel(name)
                .map(model -> model.tables().stream().map(ReadModelCatalog.Table::name).distinct().toList())
                .orElse(List.of());
        String refusal = notReplayableBecause(processor);
        return new ProcessorView(name, mode(processor), refusal == null, refusal, processor.isRunning(),
                error, head, lag, replaying, progress, deadLetters, tables, segments);
    }

    /** Every segment in the token store, with this node's view of the ones it runs. */
    private List<SegmentView> segments(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> local = processor == null ? Map.of() : processor.processingStatus();
        List<SegmentView> segments = new ArrayList<>();
        jdbc.query("SELECT segment, owner, token, token_type FROM token_entry WHERE processor_name = ? "
                + "ORDER BY segment", rs -> {
            int segment = rs.getInt("segment");
            TrackingToken stored = token(rs.getBytes("token"), rs.getString("token_type"));
            EventTrackerStatus status = local.get(segment);
            Long position;
            boolean replaying;
            OptionalLong until;
            if (status != null) { // this node runs the segment: its live state is fresher than the stored token
                // (boxed on both sides: a ternary of long and a null Long unboxes the null and throws)
                position = status.getCurrentPosition().isPresent()
                        ? Long.valueOf(status.getCurrentPosition().getAsLong()) : position(stored);
                replaying = status.isReplaying();
                until = replaying ? status.getResetPosition() : OptionalLong.empty();
            } else {
                position = position(stored);
                replaying = ReplayToken.isReplay(stored);
                until = replaying ? ReplayToken.getTokenAtReset(stored) : OptionalLong.empty();
            }
            // Axon keeps the replay token until an event beyond the reset point arrives; the rebuild itself is over
            // once the segment has applied the event it was reset at
            if (replaying && until.isPresent() && position != null && position >= until.getAsLong()) {
                replaying = false;
            }
            Double progress = null;
            if (replaying) {
                long end = until.orElse(0);
                progress = end <= 0 ? 1.0 : Math.min(1.0, Math.round(1000.0 * (position == null ? 0 : position)
                        / end) / 1000.0);
            }
            String error = status != null && status.isErrorState() && status.getError() != null
                    ? status.getError().toString() : null;
            segments.add(new SegmentView(segment, rs.getString("owner"), position,
                    position == null ? head + 1 : Math.max(0, head - position), replaying,
                    until.isPresent() ? until.getAsLong() : null, progress,
                    status == null ? null : status.isCaughtUp(), error));
        }, name);
        return segments;
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

    private static Long position(TrackingToken token) {
        if (token == null) {
            return null;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    /** Null when {@code processor} is a replayable read model, or why it is not. */
    private static String notReplayableBecause(EventProcessor processor) {
        String name = processor.getName();
        if (isSaga(processor)) {
            return "it runs a saga (its handlers send commands and schedule deadlines)";
        }
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return "it is a subscribing processor: it has no position to reset and writes in the command's "
                    + "transaction";
        }
        var sideEffect = ReadModelCatalog.sideEffect(name);
        if (sideEffect.isPresent()) {
            return "its handlers have side effects: it " + sideEffect.get();
        }
        if (ReadModelCatalog.readModel(name).isEmpty()) {
            return "it is not declared as a replayable read model (ReadModelCatalog)";
        }
        if (!streaming.supportsReset()) {
            return "its handlers do not support a reset";
        }
        return null;
    }

    private static boolean isSaga(EventProcessor processor) {
        if (!(processor instanceof AbstractEventProcessor abstractProcessor)) {
            return false;
        }
        return isSaga(abstractProcessor.eventHandlerInvoker());
    }

    private static boolean isSaga(EventHandlerInvoker invoker) {
        if (invoker instanceof AbstractSagaManager<?>) {
            return true;
        }
        return invoker instanceof MultiEventHandlerInvoker multi
                && multi.delegates().stream().anyMatch(ProjectionOperations::isSaga);
    }

    private static String mode(EventProcessor processor) {
        if (processor instanceof TrackingEventProcessor) {
            return "tracking";
        }
        if (processor instanceof PooledStreamingEventProcessor) {
            return "pooled";
        }
        if (processor instanceof SubscribingEventProcessor) {
            return "subscribing";
        }
        return processor.getClass().getSimpleName();
    }

    private EventProcessor processor(String name) {
        EventProcessor processor = processing.eventProcessors().get(name);
        if (processor == null) {
            throw new RuleViolation("processor-not-found", RuleViolation.Kind.NOT_FOUND,
                    "No event processor named " + name);
        }
        return processor;
    }

    /**
     * When the oldest event that {@code name} may not have handled yet was stored: the first event after the lowest
     * position among its segments in the token store (exact with one segment; with several, the event may belong to
     * a segment that is further on, so this is an upper bound of the delay). Empty when no event follows.
     */
    Optional<Instant> oldestPending(String name) {
        List<TrackingToken> lowest = jdbc.query("SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, row) -> token(rs.getBytes("token"), rs.getString("token_type")), name);
        TrackingToken from = lowest.stream()
                .map(WrappedToken::unwrapLowerBound)
                .min(Comparator.comparingLong(token -> token == null ? -1 : token.position().orElse(-1)))
                .orElse(null);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(from)) {
            return stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)
                    ? Optional.of(stream.nextAvailable().getTimestamp()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The position of the newest event in the store (-1 when it is empty). */
    long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private Map<String, Long> deadLetterCounts() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT processing_group, count(*) AS n FROM dead_letter_entry GROUP BY processing_group",
                rs -> {
                    counts.put(rs.getString("processing_group"), rs.getLong("n"));
                });
        return counts;
    }
}
