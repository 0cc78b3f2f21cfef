package com.mrmentor.platform.query.hub;

import com.mrmentor.platform.shared.hub.ApplicationStatus;
import com.mrmentor.platform.shared.hub.FindCohortProgress;
import com.mrmentor.platform.shared.hub.FindHubApplications;
import com.mrmentor.platform.shared.hub.FindHubGroup;
import com.mrmentor.platform.shared.hub.FindHubGroups;
import com.mrmentor.platform.shared.hub.FindMentorCircle;
import com.mrmentor.platform.shared.hub.FindPairings;
import com.mrmentor.platform.shared.hub.FindSessionLogs;
import com.mrmentor.platform.shared.hub.FindSupportRequests;
import com.mrmentor.platform.shared.hub.HubApplicationView;
import com.mrmentor.platform.shared.hub.HubGroupView;
import com.mrmentor.platform.shared.hub.MentorCircleView;
import com.mrmentor.platform.shared.hub.PairProgressView;
import com.mrmentor.platform.shared.hub.PairSide;
import com.mrmentor.platform.shared.hub.PairingView;
import com.mrmentor.platform.shared.hub.SessionLogView;
import com.mrmentor.platform.shared.hub.SupportRequestView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Reads of the mentor hub. A mentee reads their applications, pairing and logs; a mentor their applications and
 * mentees; every signed-in user the groups (members only for the group's mentor, its members and ADMIN); ADMIN the
 * needs-support queue, all applications and cohort progress (JSON or CSV). "Mine" is always the token's subject.
 */
@RestController
@RequestMapping("/api/hub")
@Validated
@Tag(name = "Hub: queries")
public class HubQueryController {

    /** The columns of the cohort-progress CSV, in order. */
    static final List<String> PROGRESS_COLUMNS = List.of("pairing_id", "cohorts", "mentor_id", "mentor_name",
            "mentee_id", "mentee_name", "paired_at", "active", "sessions_logged", "completed_logs",
            "average_mentor_score", "average_mentee_score", "last_session_date", "no_recent_session");

    private final QueryGateway queries;

    public HubQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    // ---- mentees ----------------------------------------------------------------------------------------------

    @GetMapping("/applications/mine")
    @Operation(summary = "Your applications to mentors, newest first (signed in)")
    public List<HubApplicationView> myApplications(@RequestParam(required = false) ApplicationStatus status,
                                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                                   @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                                                   Authentication caller) {
        return applications(new FindHubApplications(null, me(caller), status, page, size));
    }

    @GetMapping("/me/pairing")
    @Operation(summary = "Your active pairing with a mentor (signed in); 404 when you have none")
    public PairingView myPairing(Authentication caller) {
        return queries.query(new FindPairings(null, me(caller), true),
                        ResponseTypes.multipleInstancesOf(PairingView.class)).join()
                .stream().findFirst().orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "You are not paired"));
    }

    @GetMapping("/me/logs")
    @Operation(summary = "Session logs of your pairings, newest first (signed in, as mentor or mentee): your half in "
            + "full; of the other half only whether it is in")
    public List<MySessionLog> myLogs(Authentication caller) {
        UUID me = me(caller);
        return queries.query(new FindSessionLogs(me), ResponseTypes.multipleInstancesOf(SessionLogView.class))
                .join().stream().map(log -> MySessionLog.of(log, me)).toList();
    }

    // ---- mentors ----------------------------------------------------------------------------------------------

    @GetMapping("/mentors/me/applications")
    @Operation(summary = "Applications to you, newest first, optionally by status (MENTOR)")
    public List<HubApplicationView> applicationsToMe(@RequestParam(required = false) ApplicationStatus status,
                                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                                     @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
                                                     Authentication caller) {
        return applications(new FindHubApplications(me(caller), null, status, page, size));
    }

    @GetMapping("/mentors/me/mentees")
    @Operation(summary = "Your capacity and active mentees (MENTOR)")
    public MentorCircleView myMentees(Authentication caller) {
        return queries.query(new FindMentorCircle(me(caller)), ResponseTypes.instanceOf(MentorCircleView.class))
                .join();
    }

    // ---- groups -----------------------------------------------------------------------------------------------

    @GetMapping("/groups")
    @Operation(summary = "Groups by cohort then name, optionally of one cohort or mentor (signed in); members are "
            + "listed for the group's mentor, its members and ADMIN")
    public List<GroupAnswer> groups(@RequestParam(required = false) @Size(max = 20) String cohort,
                                    @RequestParam(required = false) UUID mentorId, Authentication caller) {
        return queries.query(new FindHubGroups(mentorId, cohort == null || cohort.isBlank() ? null : cohort.trim()),
                        ResponseTypes.multipleInstancesOf(HubGroupView.class)).join()
                .stream().map(group -> GroupAnswer.of(group, caller)).toList();
    }

    @GetMapping("/groups/{groupId}")
    @Operation(summary = "One group (signed in); members as for the list")
    public GroupAnswer group(@PathVariable UUID groupId, Authentication caller) {
        HubGroupView group = queries.query(new FindHubGroup(groupId), ResponseTypes.instanceOf(HubGroupView.class))
                .join();
        if (group == null) {
            throw new ResponseStatusException(NOT_FOUND, "No such group");
        }
        return GroupAnswer.of(group, caller);
    }

    // ---- administrators ---------------------------------------------------------------------------------------

    @GetMapping("/admin/applications")
    @Operation(summary = "All applications, newest first, by mentor, mentee and status where given (ADMIN)")
    public List<HubApplicationView> allApplications(@RequestParam(required = false) UUID mentorId,
                                                    @RequestParam(required = false) UUID menteeId,
                                                    @RequestParam(required = false) ApplicationStatus status,
                                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                                    @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return applications(new FindHubApplications(mentorId, menteeId, status, page, size));
    }

    @GetMapping("/admin/support-requests")
    @Operation(summary = "The needs-support queue, newest first: OPEN (default), RESOLVED or ALL (ADMIN)")
    public List<SupportRequestView> supportQueue(@RequestParam(defaultValue = "OPEN") QueueFilter status,
                                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                                 @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        Boolean resolved = switch (status) {
            case OPEN -> false;
            case RESOLVED -> true;
            case ALL -> null;
        };
        return queries.query(new FindSupportRequests(resolved, page, size),
                ResponseTypes.multipleInstancesOf(SupportRequestView.class)).join();
    }

    @GetMapping("/admin/progress")
    @Operation(summary = "Cohort progress per pair, by cohort and mentor where given (ADMIN)")
    public List<PairProgressView> progress(@RequestParam(required = false) @Size(max = 20) String cohort,
                                           @RequestParam(required = false) UUID mentorId) {
        return queries.query(new FindCohortProgress(cohort == null || cohort.isBlank() ? null : cohort.trim(),
                mentorId), ResponseTypes.multipleInstancesOf(PairProgressView.class)).join();
    }

    @GetMapping(value = "/admin/progress.csv", produces = "text/csv")
    @Operation(summary = "Cohort progress per pair as CSV (ADMIN); the same filters and rows as /admin/progress")
    public ResponseEntity<byte[]> progressCsv(@RequestParam(required = false) @Size(max = 20) String cohort,
                                              @RequestParam(required = false) UUID mentorId) {
        CsvTable csv = new CsvTable().row(PROGRESS_COLUMNS);
        for (PairProgressView pair : progress(cohort, mentorId)) {
            csv.row(java.util.Arrays.asList(pair.pairingId(), String.join(";", pair.cohorts()), pair.mentorId(),
                    pair.mentorName(), pair.menteeId(), pair.menteeName(), pair.pairedAt(), pair.active(),
                    pair.sessionsLogged(), pair.completedLogs(), pair.averageMentorScore(),
                    pair.averageMenteeScore(), pair.lastSessionDate(), pair.noRecentSession()));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cohort-progress.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ---- answers ----------------------------------------------------------------------------------------------

    /** Which items of the needs-support queue to list. */
    public enum QueueFilter { OPEN, RESOLVED, ALL }

    /** A session log as one side sees it: their own half, and whether the other side's is in. */
    public record MySessionLog(UUID pairingId, LocalDate sessionDate, UUID mentorId, UUID menteeId, PairSide side,
                               SessionLogView.Half mine, boolean otherHalfSubmitted, boolean completed,
                               Instant completedAt) {

        static MySessionLog of(SessionLogView log, UUID viewer) {
            boolean mentor = log.mentorId().equals(viewer);
            return new MySessionLog(log.pairingId(), log.sessionDate(), log.mentorId(), log.menteeId(),
                    mentor ? PairSide.MENTOR : PairSide.MENTEE, mentor ? log.mentorHalf() : log.menteeHalf(),
                    (mentor ? log.menteeHalf() : log.mentorHalf()) != null, log.completedAt() != null,
                    log.completedAt());
        }
    }

    /** A group; {@code members} is null for callers who are neither its mentor, a member, nor ADMIN. */
    public record GroupAnswer(UUID groupId, UUID mentorId, String mentorName, String name, String cohort,
                              String track, int maxSize, int memberCount, List<HubGroupView.Member> members,
                              Instant createdAt) {

        static GroupAnswer of(HubGroupView group, Authentication caller) {
            String me = caller.getName();
            boolean mayListMembers = isAdmin(caller) || group.mentorId().toString().equals(me)
                    || group.members().stream().anyMatch(m -> m.menteeId().toString().equals(me));
            return new GroupAnswer(group.groupId(), group.mentorId(), group.mentorName(), group.name(),
                    group.cohort(), group.track(), group.maxSize(), group.members().size(),
                    mayListMembers ? group.members() : null, group.createdAt());
        }
    }

    private List<HubApplicationView> applications(FindHubApplications query) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(HubApplicationView.class)).join();
    }

    private static UUID me(Authentication caller) {
        return UUID.fromString(caller.getName());
    }

    private static boolean isAdmin(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
