package com.mrmentor.platform.query.hub;

import com.mrmentor.platform.projections.hub.HubReads;
import com.mrmentor.platform.shared.hub.FindCohortProgress;
import com.mrmentor.platform.shared.hub.FindHubApplications;
import com.mrmentor.platform.shared.hub.FindHubGroup;
import com.mrmentor.platform.shared.hub.FindHubGroups;
import com.mrmentor.platform.shared.hub.FindMentorCircle;
import com.mrmentor.platform.shared.hub.FindPairing;
import com.mrmentor.platform.shared.hub.FindPairings;
import com.mrmentor.platform.shared.hub.FindSessionLogs;
import com.mrmentor.platform.shared.hub.FindSupportRequest;
import com.mrmentor.platform.shared.hub.FindSupportRequests;
import com.mrmentor.platform.shared.hub.HubApplicationView;
import com.mrmentor.platform.shared.hub.HubGroupView;
import com.mrmentor.platform.shared.hub.MentorCircleView;
import com.mrmentor.platform.shared.hub.PairProgressView;
import com.mrmentor.platform.shared.hub.PairingView;
import com.mrmentor.platform.shared.hub.SessionLogView;
import com.mrmentor.platform.shared.hub.SupportRequestView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/** Answers the hub's queries from its read models. */
@Component
public class HubQueryHandlers {

    private final HubReads reads;
    private final Clock clock;
    private final int defaultMaxMentees;
    private final Period staleAfter;

    public HubQueryHandlers(HubReads reads, Clock clock,
                            @Value("${platform.hub.default-max-mentees:5}") int defaultMaxMentees,
                            @Value("${platform.hub.stale-after:P14D}") Period staleAfter) {
        this.reads = reads;
        this.clock = clock;
        this.defaultMaxMentees = defaultMaxMentees;
        this.staleAfter = staleAfter;
    }

    @QueryHandler
    public List<HubApplicationView> handle(FindHubApplications query) {
        return reads.applications(query.mentorId(), query.menteeId(), query.status(), query.page(), query.size());
    }

    @QueryHandler
    public MentorCircleView handle(FindMentorCircle query) {
        List<PairingView> mentees = reads.pairings(query.mentorId(), null, true);
        return new MentorCircleView(query.mentorId(), reads.maxMentees(query.mentorId()).orElse(defaultMaxMentees),
                mentees.size(), mentees);
    }

    @QueryHandler
    public List<PairingView> handle(FindPairings query) {
        return reads.pairings(query.mentorId(), query.menteeId(), query.activeOnly());
    }

    /** The pairing, or null. */
    @QueryHandler
    public PairingView handle(FindPairing query) {
        return reads.pairing(query.pairingId()).orElse(null);
    }

    @QueryHandler
    public List<HubGroupView> handle(FindHubGroups query) {
        return reads.groups(query.mentorId(), query.cohort());
    }

    /** The group, or null. */
    @QueryHandler
    public HubGroupView handle(FindHubGroup query) {
        return reads.group(query.groupId()).orElse(null);
    }

    @QueryHandler
    public List<SessionLogView> handle(FindSessionLogs query) {
        return reads.sessionLogs(query.participantId());
    }

    @QueryHandler
    public List<SupportRequestView> handle(FindSupportRequests query) {
        return reads.supportRequests(query.resolved(), query.page(), query.size());
    }

    /** The support request, or null. */
    @QueryHandler
    public SupportRequestView handle(FindSupportRequest query) {
        return reads.supportRequest(query.supportRequestId()).orElse(null);
    }

    /** Progress per pair; an active pair whose last session (or pairing) is older than the stale period is flagged. */
    @QueryHandler
    public List<PairProgressView> handle(FindCohortProgress query) {
        LocalDate staleBefore = LocalDate.now(clock).minus(staleAfter);
        return reads.progress(query.cohort(), query.mentorId(), staleBefore);
    }
}
