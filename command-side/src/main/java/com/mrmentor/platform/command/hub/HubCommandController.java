package com.mrmentor.platform.command.hub;

import com.mrmentor.platform.command.common.Actor;
import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.command.common.RequestScopedIds;
import com.mrmentor.platform.shared.hub.ApplicationStatus;
import com.mrmentor.platform.shared.hub.ChangeApplicationStatus;
import com.mrmentor.platform.shared.hub.CreateHubGroup;
import com.mrmentor.platform.shared.hub.EndPairing;
import com.mrmentor.platform.shared.hub.FindSupportRequest;
import com.mrmentor.platform.shared.hub.HubIds;
import com.mrmentor.platform.shared.hub.JoinHubGroup;
import com.mrmentor.platform.shared.hub.LeaveHubGroup;
import com.mrmentor.platform.shared.hub.ResolveSupportRequest;
import com.mrmentor.platform.shared.hub.SetMenteeCapacity;
import com.mrmentor.platform.shared.hub.SubmitMenteeApplication;
import com.mrmentor.platform.shared.hub.SubmitSessionLogHalf;
import com.mrmentor.platform.shared.hub.SupportRequestView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Commands of the mentor hub. The acting user is always the caller (the token's subject); an administrator's
 * override is flagged from the caller's role, never from a body field. Routes that name an application, pairing or
 * group find its mentor's circle through {@link HubDirectory}.
 */
@RestController
@RequestMapping("/api/hub")
@Tag(name = "Hub: commands")
public class HubCommandController {

    private final CommandSender commands;
    private final HubDirectory directory;
    private final QueryGateway queries;

    public HubCommandController(CommandSender commands, HubDirectory directory, QueryGateway queries) {
        this.commands = commands;
        this.directory = directory;
        this.queries = queries;
    }

    @PostMapping("/applications")
    @Operation(summary = "Apply to be mentored by an active mentor (signed in): goals, interests, track, background; "
            + "one open application per mentor")
    public ResponseEntity<ApplicationOutcome> apply(@Valid @RequestBody ApplicationRequest request,
                                                    Authentication caller,
                                                    @RequestAttribute(name = RequestScopedIds.CLAIM_ATTRIBUTE,
                                                            required = false) UUID claimId) {
        UUID applicationId = RequestScopedIds.of("hub-application", claimId);
        commands.send(new SubmitMenteeApplication(request.mentorId(), applicationId, Actor.id(caller),
                request.goals(), request.interests(), request.track(), request.background()));
        return ResponseEntity.created(URI.create("/api/hub/applications/" + applicationId))
                .body(new ApplicationOutcome(applicationId, request.mentorId(), ApplicationStatus.PENDING, null));
    }

    @PostMapping("/applications/{applicationId}/status")
    @Operation(summary = "Move an application (its MENTOR, one step: PENDING → INVITED_FOR_INTERVIEW → INTERVIEWED → "
            + "ACCEPTED | REJECTED; ADMIN: any transition out of an open status, with a reason). Accepting pairs "
            + "the mentee with the mentor unless the mentor is at capacity")
    public ApplicationOutcome changeStatus(@PathVariable UUID applicationId,
                                           @Valid @RequestBody StatusRequest request, Authentication caller) {
        UUID mentorId = directory.mentorOfApplication(applicationId).orElseThrow(HubRules::applicationNotFound);
        commands.send(new ChangeApplicationStatus(mentorId, applicationId, request.status(), Actor.id(caller),
                isAdmin(caller), request.reason()));
        return new ApplicationOutcome(applicationId, mentorId, request.status(),
                request.status() == ApplicationStatus.ACCEPTED ? HubIds.pairingOf(applicationId) : null);
    }

    @PutMapping("/mentors/me/capacity")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set how many mentees you take at once (MENTOR, active): 1–100, default 5")
    public void setCapacity(@Valid @RequestBody CapacityRequest request, Authentication caller) {
        UUID mentorId = Actor.id(caller);
        commands.send(new SetMenteeCapacity(mentorId, request.maxMentees(), mentorId));
    }

    @PostMapping("/pairings/{pairingId}/end")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End a pairing (its mentee), release the mentee (its mentor) or end it (ADMIN); frees the "
            + "mentor's place and ends the mentee's memberships in the mentor's groups")
    public void endPairing(@PathVariable UUID pairingId, @Valid @RequestBody(required = false) ReasonRequest request,
                           Authentication caller) {
        UUID mentorId = directory.pairing(pairingId).map(HubPairings.Pairing::mentorId)
                .orElseThrow(HubRules::pairingNotFound);
        commands.send(new EndPairing(mentorId, pairingId, Actor.id(caller), isAdmin(caller),
                request == null ? null : request.reason()));
    }

    @PostMapping("/groups")
    @Operation(summary = "Create a group of a mentor's mentees (ADMIN, or the mentor for their own): name, cohort "
            + "(e.g. 2026-Q4), track, maximum size (default 5)")
    public ResponseEntity<GroupOutcome> createGroup(@Valid @RequestBody GroupRequest request, Authentication caller,
                                                    @RequestAttribute(name = RequestScopedIds.CLAIM_ATTRIBUTE,
                                                            required = false) UUID claimId) {
        UUID groupId = RequestScopedIds.of("hub-group", claimId);
        commands.send(new CreateHubGroup(request.mentorId(), groupId, request.name(), request.cohort(),
                request.track(), request.maxSize(), Actor.id(caller), isAdmin(caller)));
        return ResponseEntity.created(URI.create("/api/hub/groups/" + groupId))
                .body(new GroupOutcome(groupId, request.mentorId()));
    }

    @PostMapping("/groups/{groupId}/join")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Join a group (signed in): only mentees paired with the group's mentor, while it has room")
    public void join(@PathVariable UUID groupId, Authentication caller) {
        commands.send(new JoinHubGroup(mentorOfGroup(groupId), groupId, Actor.id(caller)));
    }

    @PostMapping("/groups/{groupId}/leave")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave a group you are in (signed in)")
    public void leave(@PathVariable UUID groupId, Authentication caller) {
        commands.send(new LeaveHubGroup(mentorOfGroup(groupId), groupId, Actor.id(caller)));
    }

    @PutMapping("/pairings/{pairingId}/logs/{sessionDate}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Submit or correct your half of the pair's session log of a date (the pairing's mentor or "
            + "mentee): topic, score 1–5, needsSupport with a reason. Never touches the other side's half")
    public void submitLogHalf(@PathVariable UUID pairingId,
                              @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sessionDate,
                              @Valid @RequestBody LogHalfRequest request, Authentication caller,
                              @RequestAttribute(name = RequestScopedIds.CLAIM_ATTRIBUTE, required = false)
                              UUID claimId) {
        commands.send(new SubmitSessionLogHalf(pairingId, sessionDate, Actor.id(caller), request.topic(),
                request.score(), request.needsSupport(), request.supportReason(),
                RequestScopedIds.of("hub-support-request", claimId)));
    }

    @PostMapping("/admin/support-requests/{supportRequestId}/resolve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark an item of the needs-support queue resolved (ADMIN), with an optional note")
    public void resolve(@PathVariable UUID supportRequestId,
                        @Valid @RequestBody(required = false) NoteRequest request, Authentication caller) {
        // the queue is what administrators resolve from, so its read model locates the session log
        SupportRequestView item = queries.query(new FindSupportRequest(supportRequestId),
                ResponseTypes.instanceOf(SupportRequestView.class)).join();
        if (item == null) {
            throw HubRules.supportRequestNotFound();
        }
        commands.send(new ResolveSupportRequest(item.pairingId(), item.sessionDate(), supportRequestId,
                Actor.id(caller), request == null ? null : request.note()));
    }

    private UUID mentorOfGroup(UUID groupId) {
        return directory.mentorOfGroup(groupId).orElseThrow(HubRules::groupNotFound);
    }

    private static boolean isAdmin(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    // ---- bodies ---------------------------------------------------------------------------------------------

    public record ApplicationRequest(@NotNull UUID mentorId,
                                     @NotBlank @Size(max = 2000) String goals,
                                     @Size(max = 10) List<@NotBlank @Size(max = 40) String> interests,
                                     @NotBlank @Size(max = 80) String track,
                                     @Size(max = 2000) String background) {
    }

    public record StatusRequest(@NotNull ApplicationStatus status, @Size(max = 500) String reason) {
    }

    public record CapacityRequest(@NotNull Integer maxMentees) {
    }

    public record ReasonRequest(@Size(max = 500) String reason) {
    }

    public record NoteRequest(@Size(max = 500) String note) {
    }

    public record GroupRequest(@NotNull UUID mentorId,
                               @NotBlank @Size(max = 100) String name,
                               @NotBlank @Size(max = 20) String cohort,
                               @NotBlank @Size(max = 80) String track,
                               Integer maxSize) {
    }

    public record LogHalfRequest(@NotBlank @Size(max = 200) String topic,
                                 @NotNull @Min(1) @Max(5) Integer score,
                                 boolean needsSupport,
                                 @Size(max = 1000) String supportReason) {
    }

    public record ApplicationOutcome(UUID applicationId, UUID mentorId, ApplicationStatus status, UUID pairingId) {
    }

    public record GroupOutcome(UUID groupId, UUID mentorId) {
    }
}
