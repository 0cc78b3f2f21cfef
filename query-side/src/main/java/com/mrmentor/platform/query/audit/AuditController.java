package com.mrmentor.platform.query.audit;

import com.mrmentor.platform.shared.common.Platform;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SortedSet;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The event store as a product surface for auditors (AUDITOR and ADMIN; reads only, each one recorded as an
 * {@code AuditReadRecorded} event): one aggregate's history and its state as of any instant, the global feed and its
 * streamed export, correlation chains across domains, and verification of the tamper-evidence chain
 * (docs/audit.md).
 */
@RestController
@RequestMapping("/api/audit")
@Validated
@Tag(name = "Audit", description = "Histories, state as of an instant, the event feed and export, correlations, "
        + "tamper evidence (ADMIN, AUDITOR)")
public class AuditController {

    public static final String NDJSON = "application/x-ndjson";

    private final AggregateHistory history;
    private final AggregateStates states;
    private final EventFeed feed;
    private final ChainVerifier verifier;
    private final ChainNumbers chainNumbers;
    private final Clock clock;
    private final EventTable table;

    public AuditController(AggregateHistory history, AggregateStates states, EventFeed feed, ChainVerifier verifier,
                           ChainNumbers chainNumbers, Clock clock, EventTable table) {
        this.history = history;
        this.states = states;
        this.feed = feed;
        this.verifier = verifier;
        this.chainNumbers = chainNumbers;
        this.clock = clock;
        this.table = table;
    }

    /** @param types the aggregate types whose histories and states can be read */
    public record AggregateTypes(SortedSet<String> types) {
    }

    @GetMapping("/aggregates")
    @Operation(summary = "The aggregate types whose histories and past states can be read")
    public AggregateTypes aggregateTypes() {
        return new AggregateTypes(states.types());
    }

    /**
     * @param type         the aggregate's type
     * @param id           its identifier
     * @param events       its events, oldest first
     * @param nextSequence pass as {@code afterSequence} for the next page; null on the last
     */
    public record History(String type, String id, List<AuditEvent> events, Long nextSequence) {
    }

    @GetMapping("/aggregates/{type}/{id}/events")
    @Operation(summary = "An aggregate's events in order, each with type, revision, payload, global position, "
            + "timestamp, metadata and chain link; personal fields decrypted except in events made through another "
            + "platform than the request's")
    public History events(@PathVariable String type, @PathVariable String id,
                          @RequestParam(defaultValue = "-1") @Min(-1) long afterSequence,
                          @RequestParam(defaultValue = "1000") @Min(1) @Max(5000) int limit,
                          HttpServletRequest request) {
        knownType(type);
        AggregateHistory.Page page = history.events(type, id, afterSequence, limit, platformOf(request));
        if (page.events().isEmpty() && afterSequence < 0) {
            throw new ResponseStatusException(NOT_FOUND, "No " + type + " " + id);
        }
        return new History(type, id, page.events(), page.nextSequence());
    }

    @GetMapping("/aggregates/{type}/{id}/state")
    @Operation(summary = "An aggregate's state as it was at an instant (default: now), rebuilt from the events stored "
            + "up to it by the aggregate's own event-sourcing handlers")
    public AggregateStates.AggregateState state(@PathVariable String type, @PathVariable String id,
                                                @RequestParam(required = false)
                                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        knownType(type);
        Instant at = AsOf.resolve(asOf, clock);
        return states.stateOf(type, id, at).orElseThrow(() -> new ResponseStatusException(NOT_FOUND,
                "No " + type + " " + id + " as of " + at));
    }

    @GetMapping(value = "/events", produces = "application/json")
    @Operation(summary = "The global event feed in position order, paged by position (afterPosition, limit), "
            + "filtered by period [from, to), type, actor, platform or correlation id; personal fields redacted. "
            + "With Accept: application/x-ndjson, the same events streamed as JSON lines with their chain links")
    public EventFeed.Page feed(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                               Instant from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                               Instant to,
                               @RequestParam(required = false) String type,
                               @RequestParam(required = false) String actor,
                               @RequestParam(required = false) String platform,
                               @RequestParam(required = false) String correlationId,
                               @RequestParam(defaultValue = "0") @Min(0) long afterPosition,
                               @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return feed.page(filter(from, to, type, actor, platform, correlationId, afterPosition), limit);
    }

    @GetMapping(value = "/events", produces = NDJSON)
    @Operation(summary = "The feed's events of a period streamed as JSON lines, in chain order, each with the stored "
            + "payload, metadata digest and chain link for offline verification (docs/audit.md)")
    public void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                       @RequestParam(required = false) String type,
                       @RequestParam(required = false) String actor,
                       @RequestParam(required = false) String platform,
                       @RequestParam(required = false) String correlationId,
                       HttpServletResponse response) throws IOException {
        EventFeed.Filter filter = filter(from, to, type, actor, platform, correlationId, 0);
        table.require("The audit export"); // before the 200 and its headers go out
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"events.ndjson\"");
        try (OutputStream out = response.getOutputStream()) {
            feed.export(filter, out);
        }
    }

    /**
     * @param correlationId the request
     * @param domains       the aggregate types its events touched
     * @param events        its events in position order
     * @param nextPosition  pass as {@code afterPosition} for the next page; null on the last
     */
    public record Correlation(String correlationId, SortedSet<String> domains, List<AuditEvent> events,
                              Long nextPosition) {
    }

    @GetMapping("/correlations/{correlationId}")
    @Operation(summary = "Every event one request caused, across all domains, in position order (personal fields "
            + "redacted)")
    public Correlation correlation(@PathVariable String correlationId,
                                   @RequestParam(defaultValue = "0") @Min(0) long afterPosition,
                                   @RequestParam(defaultValue = "1000") @Min(1) @Max(1000) int limit) {
        EventFeed.Page page = feed.page(new EventFeed.Filter(null, null, null, null, null, correlationId,
                afterPosition), limit);
        if (page.events().isEmpty() && afterPosition == 0) {
            throw new ResponseStatusException(NOT_FOUND, "No events with correlation id " + correlationId);
        }
        SortedSet<String> domains = new java.util.TreeSet<>();
        page.events().forEach(event -> {
            if (event.aggregateType() != null) {
                domains.add(event.aggregateType());
            }
        });
        return new Correlation(correlationId, domains, page.events(), page.nextPosition());
    }

    @GetMapping("/verify")
    @Operation(summary = "Recomputes the tamper-evidence chain between two global positions or instants (default: "
            + "all of it) and reports the first break, events the chain skipped, and the chain's newest link")
    public ChainVerifier.Report verify(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to) {
        Bound start = bound("from", from);
        Bound end = bound("to", to);
        Long first = chainNumbers.firstFrom(start.position(), start.instant());
        Long last = chainNumbers.lastTo(end.position(), end.instant());
        if (first == null || last == null) {
            return verifier.verify(1, 0);
        }
        return verifier.verify(first, last);
    }

    private void knownType(String type) {
        if (!states.types().contains(type)) {
            throw new ResponseStatusException(NOT_FOUND, "No aggregate type " + type + "; known: " + states.types());
        }
    }

    private static EventFeed.Filter filter(Instant from, Instant to, String type, String actor, String platform,
                                           String correlationId, long afterPosition) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ResponseStatusException(BAD_REQUEST, "from must be before to");
        }
        return new EventFeed.Filter(from, to, blankToNull(type), blankToNull(actor), blankToNull(platform),
                blankToNull(correlationId), afterPosition);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A bound of the stretch to verify: a global position (digits) or an ISO instant. */
    private record Bound(Long position, Instant instant) {
    }

    private static Bound bound(String name, String value) {
        if (value == null || value.isBlank()) {
            return new Bound(null, null);
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return new Bound(Long.parseLong(text), null);
            } catch (NumberFormatException e) {
                throw new ResponseStatusException(BAD_REQUEST, name + " is not a position: " + text);
            }
        }
        try {
            return new Bound(null, Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(BAD_REQUEST, name + " must be a global position or an ISO-8601 instant "
                    + "(e.g. 2026-11-21T10:00:00Z), not " + text);
        }
    }

    private static String platformOf(HttpServletRequest request) {
        Object platform = request.getAttribute(Platform.REQUEST_ATTRIBUTE);
        return platform instanceof Platform p ? p.headerValue() : null;
    }
}
