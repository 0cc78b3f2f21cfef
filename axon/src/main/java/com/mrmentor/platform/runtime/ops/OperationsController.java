package com.mrmentor.platform.runtime.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Operations on the event processors and their parked events: ADMIN acts, AUDITOR reads (SecurityConfig). Every
 * action is recorded with who did it ({@code projection_operation}, the log).
 */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Operations", description = "Event processors, read-model replays and dead letters")
class OperationsController {

    private final ProjectionOperations projections;
    private final DeadLetterOperations deadLetters;
    private final OperationLog operations;

    OperationsController(ProjectionOperations projections, DeadLetterOperations deadLetters,
                         OperationLog operations) {
        this.projections = projections;
        this.deadLetters = deadLetters;
        this.operations = operations;
    }

    /** Body of an eviction. */
    record EvictRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping("/projections")
    @Operation(summary = "Every event processor: mode, state, positions, lag, replay, parked events, tables")
    List<ProjectionOperations.ProcessorView> projections() {
        return projections.all();
    }

    @GetMapping("/projections/{name}")
    @Operation(summary = "One event processor")
    ProjectionOperations.ProcessorView projection(@PathVariable String name) {
        return projections.one(name);
    }

    @PostMapping("/projections/{name}/replay")
    @Operation(summary = "Rebuild a read model from the first event (202: the replay runs in the background)")
    ResponseEntity<ProjectionOperations.ProcessorView> replay(@PathVariable String name, Authentication caller) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(projections.replay(name, actor(caller)));
    }

    @PostMapping("/projections/{name}/segments/{segment}/release")
    @Operation(summary = "The node receiving this lets go of one segment it processes, so that another node takes it "
            + "(202; 409 segment-not-held-here names the node that holds it)")
    ResponseEntity<ProjectionOperations.SegmentRelease> releaseSegment(@PathVariable String name,
                                                                       @PathVariable int segment,
                                                                       Authentication caller) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(projections.releaseSegment(name, segment, actor(caller)));
    }

    @GetMapping("/projections/{name}/checksum")
    @Operation(summary = "SHA-256 over the read model's rows, with the positions it reflects")
    ProjectionOperations.ChecksumView checksum(@PathVariable String name) {
        return projections.checksum(name);
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Parked events, in sequence order")
    List<DeadLetterOperations.DeadLetterView> deadLetters(@RequestParam(required = false) String group,
                                                          @RequestParam(defaultValue = "100") @Min(1) @Max(1000)
                                                          int limit) {
        return deadLetters.list(group == null || group.isBlank() ? null : group, limit);
    }

    @PostMapping("/dead-letters/{id}/retry")
    @Operation(summary = "Process the sequence holding this letter again, in order")
    DeadLetterOperations.RetryOutcome retry(@PathVariable String id, Authentication caller) {
        return deadLetters.retry(id, actor(caller));
    }

    @PostMapping("/dead-letters/{id}/evict")
    @Operation(summary = "Remove one parked event for good (a reason is required)")
    DeadLetterOperations.EvictOutcome evict(@PathVariable String id, @Valid @RequestBody EvictRequest request,
                                            Authentication caller) {
        return deadLetters.evict(id, request.reason().strip(), actor(caller));
    }

    @GetMapping("/projection-operations")
    @Operation(summary = "Recorded replays, retries and evictions, newest first")
    List<OperationLog.Operation> operations(@RequestParam(required = false) String group,
                                            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return operations.recent(group == null || group.isBlank() ? null : group, limit);
    }

    private static UUID actor(Authentication caller) {
        try {
            return UUID.fromString(caller.getName());
        } catch (IllegalArgumentException notAUserId) {
            return null;
        }
    }
}
