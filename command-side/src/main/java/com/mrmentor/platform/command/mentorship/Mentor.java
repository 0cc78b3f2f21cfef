package com.mrmentor.platform.command.mentorship;

import com.mrmentor.platform.shared.mentorship.ApplyToMentor;
import com.mrmentor.platform.shared.mentorship.ApproveMentorApplication;
import com.mrmentor.platform.shared.mentorship.ClearDateAvailability;
import com.mrmentor.platform.shared.mentorship.DateAvailabilityCleared;
import com.mrmentor.platform.shared.mentorship.DateAvailabilitySet;
import com.mrmentor.platform.shared.mentorship.MentorApplicationApproved;
import com.mrmentor.platform.shared.mentorship.MentorApplicationRejected;
import com.mrmentor.platform.shared.mentorship.MentorApplicationSubmitted;
import com.mrmentor.platform.shared.mentorship.MentorIds;
import com.mrmentor.platform.shared.mentorship.MentorProfileUpdated;
import com.mrmentor.platform.shared.mentorship.MentorReinstated;
import com.mrmentor.platform.shared.mentorship.MentorStatus;
import com.mrmentor.platform.shared.mentorship.MentorSuspended;
import com.mrmentor.platform.shared.mentorship.ReinstateMentor;
import com.mrmentor.platform.shared.mentorship.RejectMentorApplication;
import com.mrmentor.platform.shared.mentorship.SetDateAvailability;
import com.mrmentor.platform.shared.mentorship.SetWeeklyAvailability;
import com.mrmentor.platform.shared.mentorship.SuspendMentor;
import com.mrmentor.platform.shared.mentorship.TimeWindow;
import com.mrmentor.platform.shared.mentorship.UpdateMentorProfile;
import com.mrmentor.platform.shared.mentorship.WeeklyAvailabilitySet;
import com.mrmentor.platform.shared.mentorship.WeeklyWindow;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import com.mrmentor.platform.shared.mentorship.AvailabilitySchedule;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user as a mentor: their applications, status, profile and availability.
 *
 * <p>Invariants: one application waits at a time, and a decision is taken by an administrator other than the
 * applicant; only an active mentor edits profile and availability and can be suspended; prices are 1 to
 * {@link MentorshipPolicy#maxPrice()} tokens; time zones are IANA ids; windows start before they end, fall on the
 * session grid's length at least, and do not overlap on a day. The aggregate keeps no personal text (headline, bio and
 * company live, encrypted, in its events).
 */
@Aggregate
public class Mentor {

    @AggregateIdentifier
    private String mentorId;
    private UUID userId;
    private MentorStatus status;
    private UUID openApplication;
    // what a booking is checked against: the live profile's zone and price, and the availability
    private String timeZone;
    private int pricePerSession;
    private List<WeeklyWindow> weekly = List.of();
    private int bufferMinutes;
    private final Map<LocalDate, List<TimeWindow>> dates = new HashMap<>();

    /** For Axon, which rebuilds the mentor from its events. */
    protected Mentor() {
    }

    // ---- applications ---------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ApplyToMentor command, MentorshipPolicy policy, Clock clock) {
        if (status == MentorStatus.APPLIED) {
            throw MentorRules.applicationPending();
        }
        if (status == MentorStatus.ACTIVE || status == MentorStatus.SUSPENDED) {
            throw MentorRules.alreadyMentor();
        }
        require(command.applicationId() != null, "applicationId");
        Profile profile = Profile.checked(command.headline(), command.bio(), command.expertise(), command.track(),
                command.company(), command.languages(), command.timeZone(), command.pricePerSession(), policy);
        apply(new MentorApplicationSubmitted(command.userId(), command.applicationId(), profile.headline,
                profile.bio, profile.expertise, profile.track, profile.company, profile.languages, profile.timeZone,
                profile.price, clock.instant()));
    }

    @CommandHandler
    public void handle(ApproveMentorApplication command, Clock clock) {
        requireOpenApplication();
        if (userId.equals(command.approvedBy())) {
            throw MentorRules.selfDecision();
        }
        apply(new MentorApplicationApproved(userId, openApplication, command.approvedBy(), clock.instant()));
    }

    @CommandHandler
    public void handle(RejectMentorApplication command, Clock clock) {
        requireOpenApplication();
        require(!isBlank(command.reason()), "reason");
        if (userId.equals(command.rejectedBy())) {
            throw MentorRules.selfDecision();
        }
        apply(new MentorApplicationRejected(userId, openApplication, command.rejectedBy(), command.reason().trim(),
                clock.instant()));
    }

    // ---- profile and status ---------------------------------------------------------------------------------

    @CommandHandler
    public void handle(UpdateMentorProfile command, MentorshipPolicy policy) {
        requireActive();
        Profile profile = Profile.checked(command.headline(), command.bio(), command.expertise(), command.track(),
                command.company(), command.languages(), command.timeZone(), command.pricePerSession(), policy);
        apply(new MentorProfileUpdated(userId, profile.headline, profile.bio, profile.expertise, profile.track,
                profile.company, profile.languages, profile.timeZone, profile.price));
    }

    @CommandHandler
    public void handle(SuspendMentor command) {
        requireActive();
        require(!isBlank(command.reason()), "reason");
        apply(new MentorSuspended(userId, command.reason().trim(), command.suspendedBy()));
    }

    @CommandHandler
    public void handle(ReinstateMentor command) {
        requireKnown();
        if (status != MentorStatus.SUSPENDED) {
            throw MentorRules.notSuspended();
        }
        require(!isBlank(command.reason()), "reason");
        apply(new MentorReinstated(userId, command.reason().trim(), command.reinstatedBy()));
    }

    // ---- availability ---------------------------------------------------------------------------------------

    @CommandHandler
    public void handle(SetWeeklyAvailability command, MentorshipPolicy policy) {
        requireActive();
        if (command.windows() == null) {
            throw MentorRules.missing("windows");
        }
        if (command.bufferMinutes() < 0 || command.bufferMinutes() > policy.maxBuffer().toMinutes()) {
            throw MentorRules.invalid("buffer", "must be between 0 and " + policy.maxBuffer().toMinutes()
                    + " minutes");
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            checkWindows(command.windows().stream().filter(w -> w != null && w.day() == day)
                    .map(w -> new TimeWindow(w.start(), w.end())).toList(), policy);
        }
        if (command.windows().stream().anyMatch(w -> w == null || w.day() == null)) {
            throw MentorRules.missing("day");
        }
        List<WeeklyWindow> sorted = command.windows().stream()
                .sorted(Comparator.comparing(WeeklyWindow::day).thenComparing(WeeklyWindow::start)).toList();
        apply(new WeeklyAvailabilitySet(userId, sorted, command.bufferMinutes()));
    }

    @CommandHandler
    public void handle(SetDateAvailability command, MentorshipPolicy policy) {
        requireActive();
        require(command.date() != null, "date");
        if (command.windows() == null) {
            throw MentorRules.missing("windows");
        }
        checkWindows(command.windows(), policy);
        apply(new DateAvailabilitySet(userId, command.date(),
                command.windows().stream().sorted(Comparator.comparing(TimeWindow::start)).toList()));
    }

    @CommandHandler
    public void handle(ClearDateAvailability command) {
        requireActive();
        require(command.date() != null, "date");
        apply(new DateAvailabilityCleared(userId, command.date()));
    }

    // ---- bookings -------------------------------------------------------------------------------------------

    /**
     * The terms of a session starting at {@code start}, booked or moved at {@code now}: the mentor must be active and
     * offer that start in their availability, with the policy's notice and horizon. Whether another booking already
     * holds the time is the booking calendar's to say.
     */
    public BookingTerms bookingTerms(Instant start, Instant now, MentorshipPolicy policy) {
        requireActive();
        if (start == null) {
            throw MentorRules.missing("start");
        }
        if (start.isBefore(now.plus(policy.minNotice()))) {
            throw MentorRules.invalid("start", "must be at least " + policy.minNotice().toHours()
                    + " hours from now");
        }
        if (start.isAfter(now.plus(policy.maxAdvance()))) {
            throw MentorRules.invalid("start", "must be at most " + policy.maxAdvance().toDays() + " days from now");
        }
        if (!schedule(policy).offers(start)) {
            throw MentorRules.slotNotOffered();
        }
        return new BookingTerms(userId, start, start.plus(policy.sessionLength()), pricePerSession, timeZone,
                bufferMinutes);
    }

    private AvailabilitySchedule schedule(MentorshipPolicy policy) {
        return new AvailabilitySchedule(ZoneId.of(timeZone), weekly, dates, policy.sessionLength(),
                Duration.ofMinutes(bufferMinutes));
    }

    // ---- rules ----------------------------------------------------------------------------------------------

    /** Each window starts before it ends (midnight as an end means the end of the day), fits a session, and no two overlap. */
    private static void checkWindows(List<TimeWindow> windows, MentorshipPolicy policy) {
        List<TimeWindow> sorted = new ArrayList<>();
        for (TimeWindow window : windows) {
            if (window == null || window.start() == null || window.end() == null) {
                throw MentorRules.missing("window-time");
            }
            long minutes = Duration.between(window.start(), window.end()).toMinutes();
            if (window.end().equals(LocalTime.MIDNIGHT)) {
                minutes = Duration.between(window.start(), LocalTime.MAX).toMinutes() + 1;
            }
            if (minutes < policy.sessionLength().toMinutes()) {
                throw MentorRules.invalid("window", window.start() + "–" + window.end()
                        + " must start before it ends and fit a " + policy.sessionLength().toMinutes()
                        + "-minute session");
            }
            sorted.add(window);
        }
        sorted.sort(Comparator.comparing(TimeWindow::start));
        for (int i = 1; i < sorted.size(); i++) {
            TimeWindow previous = sorted.get(i - 1);
            if (previous.end().equals(LocalTime.MIDNIGHT) || sorted.get(i).start().isBefore(previous.end())) {
                throw MentorRules.invalid("window", previous.start() + "–" + previous.end() + " overlaps "
                        + sorted.get(i).start() + "–" + sorted.get(i).end());
            }
        }
    }

    private void requireKnown() {
        if (status == null) {
            throw MentorRules.notAMentor();
        }
    }

    private void requireOpenApplication() {
        requireKnown();
        if (status != MentorStatus.APPLIED) {
            throw MentorRules.noOpenApplication();
        }
    }

    private void requireActive() {
        requireKnown();
        if (status != MentorStatus.ACTIVE) {
            throw MentorRules.notActive(status);
        }
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw MentorRules.missing(what);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** A checked, normalised profile. */
    private record Profile(String headline, String bio, List<String> expertise, String track, String company,
                           List<String> languages, String timeZone, int price) {

        static Profile checked(String headline, String bio, List<String> expertise, String track, String company,
                               List<String> languages, String timeZone, Integer price, MentorshipPolicy policy) {
            require(!isBlank(headline), "headline");
            require(!isBlank(bio), "bio");
            require(expertise != null && expertise.stream().anyMatch(tag -> !isBlank(tag)), "expertise");
            require(languages != null && languages.stream().anyMatch(l -> !isBlank(l)), "language");
            require(!isBlank(timeZone), "time-zone");
            // a region (Asia/Kolkata), not a fixed offset (+05:30): only a region knows its daylight-saving rules
            if (!ZoneId.getAvailableZoneIds().contains(timeZone.trim())) {
                throw MentorRules.invalid("time-zone", "'" + timeZone + "' is not an IANA time zone");
            }
            int tokens = price == null ? 1 : price;
            if (tokens < 1 || tokens > policy.maxPrice()) {
                throw MentorRules.invalid("price", "must be between 1 and " + policy.maxPrice() + " tokens");
            }
            return new Profile(headline.trim(), bio.trim(), tidy(expertise), isBlank(track) ? null : track.trim(),
                    isBlank(company) ? null : company.trim(), tidy(languages), timeZone.trim(), tokens);
        }

        private static List<String> tidy(List<String> values) {
            return values.stream().filter(v -> !isBlank(v)).map(String::trim).distinct().toList();
        }
    }

    // ---- state ----------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(MentorApplicationSubmitted event) {
        mentorId = MentorIds.mentor(event.userId());
        userId = event.userId();
        status = MentorStatus.APPLIED;
        openApplication = event.applicationId();
        timeZone = event.timeZone();
        pricePerSession = event.pricePerSession();
    }

    @EventSourcingHandler
    void on(MentorProfileUpdated event) {
        timeZone = event.timeZone();
        pricePerSession = event.pricePerSession();
    }

    @EventSourcingHandler
    void on(WeeklyAvailabilitySet event) {
        weekly = List.copyOf(event.windows());
        bufferMinutes = event.bufferMinutes();
    }

    @EventSourcingHandler
    void on(DateAvailabilitySet event) {
        dates.put(event.date(), List.copyOf(event.windows()));
    }

    @EventSourcingHandler
    void on(DateAvailabilityCleared event) {
        dates.remove(event.date());
    }

    @EventSourcingHandler
    void on(MentorApplicationApproved event) {
        status = MentorStatus.ACTIVE;
        openApplication = null;
    }

    @EventSourcingHandler
    void on(MentorApplicationRejected event) {
        status = MentorStatus.REJECTED;
        openApplication = null;
    }

    @EventSourcingHandler
    void on(MentorSuspended event) {
        status = MentorStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(MentorReinstated event) {
        status = MentorStatus.ACTIVE;
    }
}
