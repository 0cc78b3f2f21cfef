package com.mrmentor.platform.query.mentorship;

import com.mrmentor.platform.shared.mentorship.FindMentor;
import com.mrmentor.platform.shared.mentorship.FindMentorApplications;
import com.mrmentor.platform.shared.mentorship.FindMentorSlots;
import com.mrmentor.platform.shared.mentorship.MentorSlots;
import com.mrmentor.platform.shared.mentorship.MentorStatus;
import com.mrmentor.platform.shared.mentorship.MentorView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Reads of mentors: public profiles and free slots of active mentors (anyone), and the application queue (ADMIN).
 * Mentors who are not active are visible only to themselves and to ADMIN.
 */
@RestController
@RequestMapping("/api/mentors")
@Validated
@Tag(name = "Mentors: queries")
public class MentorQueryController {

    private static final Duration MAX_RANGE = Duration.ofDays(31);

    private final QueryGateway queries;

    public MentorQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/applications")
    @Operation(summary = "Mentors by status, oldest application first; APPLIED is the queue to decide (ADMIN)")
    public List<MentorView> applications(@RequestParam(defaultValue = "APPLIED") MentorStatus status,
                                         @RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return queries.query(new FindMentorApplications(status, page, size),
                ResponseTypes.multipleInstancesOf(MentorView.class)).join();
    }

    @GetMapping("/{userId}")
    @Operation(summary = "A mentor's profile and availability (anyone for active mentors; the mentor and ADMIN "
            + "always)")
    public MentorView mentor(@PathVariable UUID userId, Authentication caller) {
        MentorView mentor = queries.query(new FindMentor(userId), ResponseTypes.instanceOf(MentorView.class)).join();
        if (mentor == null || (mentor.status() != MentorStatus.ACTIVE && !isSelfOrAdmin(userId, caller))) {
            throw new ResponseStatusException(NOT_FOUND, "No such mentor");
        }
        return mentor;
    }

    @GetMapping("/{userId}/slots")
    @Operation(summary = "Free 30-minute slots starting in [from, to) as instants (anyone), at most 31 days per "
            + "request; each slot also shows its local start in `tz` (default: the mentor's zone). Correct across "
            + "daylight-saving changes")
    public SlotsAnswer slots(@PathVariable UUID userId,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                             @RequestParam(required = false) String tz) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new ResponseStatusException(BAD_REQUEST, "from must be before to, at most 31 days apart");
        }
        MentorSlots slots = queries.query(new FindMentorSlots(userId, from, to),
                ResponseTypes.instanceOf(MentorSlots.class)).join();
        if (slots == null) {
            throw new ResponseStatusException(NOT_FOUND, "No such mentor");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(tz == null || tz.isBlank() ? slots.timeZone() : tz);
        } catch (DateTimeException e) {
            throw new ResponseStatusException(BAD_REQUEST, "tz is not an IANA time zone: " + tz);
        }
        return new SlotsAnswer(slots.mentorId(), slots.timeZone(), zone.getId(), slots.pricePerSession(),
                slots.earliest(), slots.latest(), slots.slots().stream()
                .map(slot -> new SlotAnswer(slot.start(), slot.end(),
                        slot.start().atZone(zone).toOffsetDateTime().toString()))
                .toList());
    }

    /** The answer of {@code /slots}: {@code localStart} is the start in the requested zone, with its offset. */
    public record SlotsAnswer(UUID mentorId, String mentorTimeZone, String timeZone, int pricePerSession,
                              Instant earliest, Instant latest, List<SlotAnswer> slots) {
    }

    public record SlotAnswer(Instant start, Instant end, String localStart) {
    }

    private static boolean isSelfOrAdmin(UUID userId, Authentication caller) {
        return caller != null && (userId.toString().equals(caller.getName()) || caller.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN")));
    }
}
