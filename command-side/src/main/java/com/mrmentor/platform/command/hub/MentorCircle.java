package com.mrmentor.platform.command.hub;

import com.mrmentor.platform.shared.hub.ApplicationStatus;
import com.mrmentor.platform.shared.hub.ChangeApplicationStatus;
import com.mrmentor.platform.shared.hub.CreateHubGroup;
import com.mrmentor.platform.shared.hub.EndPairing;
import com.mrmentor.platform.shared.hub.GroupLeaveCause;
import com.mrmentor.platform.shared.hub.HubGroupCreated;
import com.mrmentor.platform.shared.hub.HubGroupJoined;
import com.mrmentor.platform.shared.hub.HubGroupLeft;
import com.mrmentor.platform.shared.hub.HubIds;
import com.mrmentor.platform.shared.hub.JoinHubGroup;
import com.mrmentor.platform.shared.hub.LeaveHubGroup;
import com.mrmentor.platform.shared.hub.MenteeApplicationStatusChanged;
import com.mrmentor.platform.shared.hub.MenteeApplicationSubmitted;
import com.mrmentor.platform.shared.hub.MenteeCapacitySet;
import com.mrmentor.platform.shared.hub.MenteePaired;
import com.mrmentor.platform.shared.hub.PairingEndCause;
import com.mrmentor.platform.shared.hub.PairingEnded;
import com.mrmentor.platform.shared.hub.SetMenteeCapacity;
import com.mrmentor.platform.shared.hub.SubmitMenteeApplication;
import com.mrmentor.platform.shared.mentorship.MentorStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One mentor's circle in the hub: their capacity, the applications mentees sent them, their pairings and their
 * groups.
 *
 * <p>These live in one aggregate because their rules need each other at the same instant: an acceptance must see
 * how many places are taken (two acceptances racing for the last place: the second is appended against a newer
 * version and refused, so exactly one wins); a mentee may join only a group of the mentor they are paired with, and a
 * group's size is counted at the join. The circle grows with the mentor's applications and groups, a few hundred events
 * over a mentor's life at the hub's scale. That a mentee has one mentor at a time spans circles: it is checked against
 * {@link HubPairings} here and enforced under races by {@link HubDirectory}'s table of active pairings.
 *
 * <p>Applications: the mentor moves one step at a time ({@link ApplicationStatus#mentorMayMoveTo}); an administrator
 * who is not the mentor may take any transition out of an open status, with a reason. Nobody leaves ACCEPTED or
 * REJECTED. The aggregate keeps no personal text.
 */
@Aggregate
public class MentorCircle {

    @AggregateIdentifier
    private String circleId;
    private UUID mentorId;
    private Integer maxMentees;
    private final Map<UUID, Application> applications = new HashMap<>();
    private final Map<UUID, UUID> openApplicationByMentee = new HashMap<>();
    private final Map<UUID, UUID> activeMenteeByPairing = new HashMap<>();
    private final Set<UUID> endedPairings = new LinkedHashSet<>();
    private final Map<UUID, Group> groups = new HashMap<>();

    /** For Axon, which rebuilds the circle from its events. */
    protected MentorCircle() {
    }

    // ---- applications ---------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SubmitMenteeApplication command, HubMentors mentors, HubPairings pairings, Clock clock) {
        require(command.applicationId() != null, "application-id");
        require(command.menteeId() != null, "mentee");
        if (command.menteeId().equals(command.mentorId())) {
            throw HubRules.applyToSelf();
        }
        requireActiveMentor(command.mentorId(), mentors, true);
        if (applications.containsKey(command.applicationId())) {
            throw HubRules.duplicateApplication();
        }
        if (openApplicationByMentee.containsKey(command.menteeId())) {
            throw HubRules.applicationOpen();
        }
        if (activeMenteeByPairing.containsValue(command.menteeId())
                || pairings.activePairingOfMentee(command.menteeId()).isPresent()) {
            throw HubRules.menteeAlreadyPaired();
        }
        require(!isBlank(command.goals()), "goals");
        require(!isBlank(command.track()), "track");
        List<String> interests = command.interests() == null ? List.of()
                : command.interests().stream().filter(i -> !isBlank(i)).map(String::trim).distinct().toList();
        apply(new MenteeApplicationSubmitted(command.mentorId(), command.applicationId(), command.menteeId(),
                command.goals().trim(), interests, command.track().trim(), trimmedOrNull(command.background()),
                clock.instant()));
    }

    @CommandHandler
    public void handle(ChangeApplicationStatus command, HubMentors mentors, HubPairings pairings, HubPolicy policy,
                       Clock clock) {
        Application application = applications.get(command.applicationId());
        if (application == null) {
            throw HubRules.applicationNotFound();
        }
        require(command.to() != null, "status");
        boolean byMentor = mentorId.equals(command.changedBy());
        if (!byMentor && !command.asAdmin()) {
            throw HubRules.notYourApplication();
        }
        if (application.status().isFinal()) {
            throw HubRules.applicationDecided(application.status());
        }
        if (command.to() == application.status() || (byMentor && !application.status().mentorMayMoveTo(command.to()))) {
            throw HubRules.invalidTransition(application.status(), command.to());
        }
        if (!byMentor) {
            require(!isBlank(command.reason()), "reason"); // an override is explained
        }
        MenteeApplicationStatusChanged changed = new MenteeApplicationStatusChanged(mentorId, command.applicationId(),
                application.menteeId(), application.status(), command.to(), command.changedBy(), !byMentor,
                trimmedOrNull(command.reason()), clock.instant());
        if (command.to() != ApplicationStatus.ACCEPTED) {
            apply(changed);
            return;
        }
        requireActiveMentor(mentorId, mentors, false);
        int capacity = capacity(policy);
        if (activeMenteeByPairing.size() >= capacity) {
            throw HubRules.atCapacity(capacity);
        }
        if (pairings.activePairingOfMentee(application.menteeId()).isPresent()) {
            throw HubRules.menteeAlreadyPaired();
        }
        apply(changed);
        apply(new MenteePaired(mentorId, HubIds.pairingOf(command.applicationId()), application.menteeId(),
                command.applicationId(), changed.changedAt()));
    }

    // ---- capacity and pairings ------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetMenteeCapacity command, HubMentors mentors, HubPolicy policy) {
        requireActiveMentor(command.mentorId(), mentors, false);
        if (command.maxMentees() < 1 || command.maxMentees() > policy.maxMentees()) {
            throw HubRules.invalid("capacity", "must be between 1 and " + policy.maxMentees() + " mentees");
        }
        if (command.maxMentees() < activeMenteeByPairing.size()) {
            throw HubRules.capacityBelowMentees(activeMenteeByPairing.size());
        }
        apply(new MenteeCapacitySet(command.mentorId(), command.maxMentees(), command.setBy()));
    }

    @CommandHandler
    public void handle(EndPairing command, Clock clock) {
        UUID menteeId = activeMenteeByPairing.get(command.pairingId());
        if (menteeId == null) {
            throw endedPairings.contains(command.pairingId()) ? HubRules.pairingEnded() : HubRules.pairingNotFound();
        }
        PairingEndCause cause;
        if (menteeId.equals(command.endedBy())) {
            cause = PairingEndCause.MENTEE_ENDED;
        } else if (mentorId.equals(command.endedBy())) {
            cause = PairingEndCause.MENTOR_RELEASED;
        } else if (command.asAdmin()) {
            cause = PairingEndCause.ADMIN_ENDED;
        } else {
            throw HubRules.notInPairing();
        }
        PairingEnded ended = new PairingEnded(mentorId, command.pairingId(), menteeId, command.endedBy(), cause,
                trimmedOrNull(command.reason()), clock.instant());
        apply(ended);
        // a mentee's groups with this mentor are for the mentor's mentees: the membership ends with the pairing
        groups.values().stream().filter(group -> group.members().contains(menteeId)).map(group -> group.groupId())
                .sorted().forEach(groupId -> apply(new HubGroupLeft(mentorId, groupId, menteeId,
                        GroupLeaveCause.PAIRING_ENDED, ended.endedAt())));
    }

    // ---- groups ---------------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateHubGroup command, HubMentors mentors, HubPolicy policy, Clock clock) {
        require(command.groupId() != null, "group-id");
        if (!command.mentorId().equals(command.createdBy()) && !command.asAdmin()) {
            throw HubRules.notYourCircle();
        }
        requireActiveMentor(command.mentorId(), mentors, true);
        if (groups.containsKey(command.groupId())) {
            throw HubRules.duplicateGroup();
        }
        require(!isBlank(command.name()), "name");
        require(!isBlank(command.cohort()), "cohort");
        require(!isBlank(command.track()), "track");
        int maxSize = command.maxSize() == null ? policy.defaultGroupSize() : command.maxSize();
        if (maxSize < 1 || maxSize > policy.maxGroupSize()) {
            throw HubRules.invalid("group-size", "must be between 1 and " + policy.maxGroupSize() + " members");
        }
        apply(new HubGroupCreated(command.mentorId(), command.groupId(), command.name().trim(),
                command.cohort().trim(), command.track().trim(), maxSize, command.createdBy(), clock.instant()));
    }

    @CommandHandler
    public void handle(JoinHubGroup command, Clock clock) {
        Group group = group(command.groupId());
        if (!activeMenteeByPairing.containsValue(command.menteeId())) {
            throw HubRules.notPairedWithMentor();
        }
        if (group.members().contains(command.menteeId())) {
            throw HubRules.alreadyInGroup();
        }
        if (group.members().size() >= group.maxSize()) {
            throw HubRules.groupFull(group.maxSize());
        }
        apply(new HubGroupJoined(mentorId, command.groupId(), command.menteeId(), clock.instant()));
    }

    @CommandHandler
    public void handle(LeaveHubGroup command, Clock clock) {
        Group group = group(command.groupId());
        if (!group.members().contains(command.menteeId())) {
            throw HubRules.notInGroup();
        }
        apply(new HubGroupLeft(mentorId, command.groupId(), command.menteeId(), GroupLeaveCause.LEFT,
                clock.instant()));
    }

    // ---- rules ----------------------------------------------------------------------------------------------

    private int capacity(HubPolicy policy) {
        return maxMentees == null ? policy.defaultMaxMentees() : maxMentees;
    }

    private Group group(UUID groupId) {
        Group group = groups.get(groupId);
        if (group == null) {
            throw HubRules.groupNotFound();
        }
        return group;
    }

    /** The mentorship context says who mentors; an unknown user is not found, a suspended mentor refused. */
    private static void requireActiveMentor(UUID mentorId, HubMentors mentors, boolean unknownIsNotFound) {
        MentorStatus status = mentors.status(mentorId).orElse(null);
        if (status == null || (unknownIsNotFound && status != MentorStatus.ACTIVE
                && status != MentorStatus.SUSPENDED)) {
            throw HubRules.mentorNotFound();
        }
        if (status != MentorStatus.ACTIVE) {
            throw HubRules.mentorNotActive();
        }
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw HubRules.missing(what);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmedOrNull(String value) {
        return isBlank(value) ? null : value.trim();
    }

    private record Application(UUID menteeId, ApplicationStatus status) {
    }

    private record Group(UUID groupId, int maxSize, Set<UUID> members) {
    }

    // ---- state ----------------------------------------------------------------------------------------------

    private void identify(UUID mentor) {
        circleId = HubIds.circle(mentor);
        mentorId = mentor;
    }

    @EventSourcingHandler
    void on(MenteeApplicationSubmitted event) {
        identify(event.mentorId());
        applications.put(event.applicationId(), new Application(event.menteeId(), ApplicationStatus.PENDING));
        openApplicationByMentee.put(event.menteeId(), event.applicationId());
    }

    @EventSourcingHandler
    void on(MenteeApplicationStatusChanged event) {
        applications.computeIfPresent(event.applicationId(),
                (id, application) -> new Application(application.menteeId(), event.to()));
        if (event.to().isFinal()) {
            openApplicationByMentee.remove(event.menteeId());
        }
    }

    @EventSourcingHandler
    void on(MenteePaired event) {
        activeMenteeByPairing.put(event.pairingId(), event.menteeId());
    }

    @EventSourcingHandler
    void on(PairingEnded event) {
        activeMenteeByPairing.remove(event.pairingId());
        endedPairings.add(event.pairingId());
    }

    @EventSourcingHandler
    void on(MenteeCapacitySet event) {
        identify(event.mentorId());
        maxMentees = event.maxMentees();
    }

    @EventSourcingHandler
    void on(HubGroupCreated event) {
        identify(event.mentorId());
        groups.put(event.groupId(), new Group(event.groupId(), event.maxSize(), new LinkedHashSet<>()));
    }

    @EventSourcingHandler
    void on(HubGroupJoined event) {
        groups.get(event.groupId()).members().add(event.menteeId());
    }

    @EventSourcingHandler
    void on(HubGroupLeft event) {
        groups.get(event.groupId()).members().remove(event.menteeId());
    }
}
