package com.mrmentor.platform.command.mentorship;

import com.mrmentor.platform.command.common.Actor;
import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.command.common.RequestScopedIds;
import com.mrmentor.platform.shared.mentorship.ApplyToMentor;
import com.mrmentor.platform.shared.mentorship.AdmitMentor;
import com.mrmentor.platform.shared.mentorship.ClearDateAvailability;
import com.mrmentor.platform.shared.mentorship.RejectMentorApplication;
import com.mrmentor.platform.shared.mentorship.ReinstateMentor;
import com.mrmentor.platform.shared.mentorship.SetDateAvailability;
import com.mrmentor.platform.shared.mentorship.SetWeeklyAvailability;
import com.mrmentor.platform.shared.mentorship.SuspendMentor;
import com.mrmentor.platform.shared.mentorship.TimeWindow;
import com.mrmentor.platform.shared.mentorship.UpdateMentorProfile;
import com.mrmentor.platform.shared.mentorship.WeeklyWindow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * Mentor applications, profiles, suspension and availability. The mentor acted on is always the caller
 * ({@code /me}) or, for administrators, the path's user; never a body field.
 */
@RestController
@RequestMapping("/api/mentors")
@Tag(name = "Mentors: commands")
public class MentorCommandController {

    private final CommandSender commands;

    public MentorCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/applications")
    @Operation(summary = "Apply to mentor (signed in): headline, bio, expertise tags, track, company, languages, IANA "
            + "time zone, price in tokens per 30-minute session (default 1)")
    public ResponseEntity<ApplicationAccepted> apply(@Valid @RequestBody ProfileRequest request,
                                                     Authentication caller, HttpServletRequest http) {
        UUID userId = Actor.id(caller);
        UUID applicationId = RequestScopedIds.of("mentor-application",
                (UUID) http.getAttribute(RequestScopedIds.CLAIM_ATTRIBUTE));
        commands.send(new ApplyToMentor(userId, applicationId, request.headline(), request.bio(),
                request.expertise(), request.track(), request.company(), request.languages(), request.timeZone(),
                request.pricePerSession()));
        return ResponseEntity.created(URI.create("/api/mentors/applications/" + userId))
                .body(new ApplicationAccepted(userId, applicationId, "APPLIED"));
    }

    @PostMapping("/applications/{userId}/approve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Approve a mentor application (ADMIN, not one's own): the user becomes an active MENTOR")
    public void approve(@PathVariable UUID userId, Authentication caller) {
        commands.send(new AdmitMentor(userId, Actor.id(caller)));
    }

    @PostMapping("/applications/{userId}/reject")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reject a mentor application with a reason (ADMIN); the user may apply again")
    public void reject(@PathVariable UUID userId, @Valid @RequestBody ReasonRequest request, Authentication caller) {
        commands.send(new RejectMentorApplication(userId, Actor.id(caller), request.reason()));
    }

    @PutMapping("/me/profile")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Replace your mentor profile (MENTOR, active)")
    public void updateProfile(@Valid @RequestBody ProfileRequest request, Authentication caller) {
        commands.send(new UpdateMentorProfile(Actor.id(caller), request.headline(), request.bio(),
                request.expertise(), request.track(), request.company(), request.languages(), request.timeZone(),
                request.pricePerSession()));
    }

    @PutMapping("/me/availability")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Replace your weekly availability (MENTOR): windows per weekday in your time zone, and a "
            + "buffer in minutes kept after each session")
    public void setWeekly(@Valid @RequestBody WeeklyRequest request, Authentication caller) {
        commands.send(new SetWeeklyAvailability(Actor.id(caller), request.windows().stream()
                .map(w -> new WeeklyWindow(w.day(), w.start(), w.end())).toList(), request.bufferMinutes()));
    }

    @PutMapping("/me/availability/dates/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set one date's windows (MENTOR), replacing the weekly ones; an empty list blocks the date")
    public void setDate(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                        @Valid @RequestBody DateRequest request, Authentication caller) {
        commands.send(new SetDateAvailability(Actor.id(caller), date, request.windows().stream()
                .map(w -> new TimeWindow(w.start(), w.end())).toList()));
    }

    @DeleteMapping("/me/availability/dates/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Let the weekly windows apply again on a date (MENTOR)")
    public void clearDate(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                          Authentication caller) {
        commands.send(new ClearDateAvailability(Actor.id(caller), date));
    }

    @PostMapping("/{userId}/suspend")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Suspend an active mentor with a reason (ADMIN): no longer listed or bookable")
    public void suspend(@PathVariable UUID userId, @Valid @RequestBody ReasonRequest request, Authentication caller) {
        commands.send(new SuspendMentor(userId, request.reason(), Actor.id(caller)));
    }

    @PostMapping("/{userId}/reinstate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Lift a mentor's suspension with a reason (ADMIN)")
    public void reinstate(@PathVariable UUID userId, @Valid @RequestBody ReasonRequest request,
                          Authentication caller) {
        commands.send(new ReinstateMentor(userId, request.reason(), Actor.id(caller)));
    }

    // ---- bodies ---------------------------------------------------------------------------------------------

    public record ProfileRequest(@NotBlank @Size(max = 160) String headline,
                                 @NotBlank @Size(max = 4000) String bio,
                                 @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 40) String> expertise,
                                 @Size(max = 80) String track,
                                 @Size(max = 120) String company,
                                 @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 40) String> languages,
                                 @NotBlank @Size(max = 60) String timeZone,
                                 @Min(1) Integer pricePerSession) {
    }

    public record WeeklyRequest(@NotNull @Size(max = 70) List<@NotNull @Valid Weekly> windows,
                                @Min(0) int bufferMinutes) {
    }

    public record Weekly(@NotNull DayOfWeek day, @NotNull LocalTime start, @NotNull LocalTime end) {
    }

    public record DateRequest(@NotNull @Size(max = 10) List<@NotNull @Valid Window> windows) {
    }

    public record Window(@NotNull LocalTime start, @NotNull LocalTime end) {
    }

    public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record ApplicationAccepted(UUID userId, UUID applicationId, String status) {
    }
}
