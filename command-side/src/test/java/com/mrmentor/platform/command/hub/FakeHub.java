package com.mrmentor.platform.command.hub;

import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.mentorship.MentorStatus;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/** In-memory stand-ins for the ports the hub aggregates consult, and a matcher on rule violations. */
final class FakeHub {

    private FakeHub() {
    }

    /** Mentor statuses as the mentorship context would report them. */
    static final class Mentors implements HubMentors {
        final Map<UUID, MentorStatus> statuses = new HashMap<>();

        @Override
        public Optional<MentorStatus> status(UUID mentorId) {
            return Optional.ofNullable(statuses.get(mentorId));
        }
    }

    /** Pairings across all mentors, as the directory would hold them. */
    static final class Pairings implements HubPairings {
        final Map<UUID, Pairing> pairings = new HashMap<>();

        void add(UUID pairingId, UUID mentorId, UUID menteeId, boolean active) {
            pairings.put(pairingId, new Pairing(pairingId, mentorId, menteeId, active));
        }

        @Override
        public Optional<Pairing> pairing(UUID pairingId) {
            return Optional.ofNullable(pairings.get(pairingId));
        }

        @Override
        public Optional<Pairing> activePairingOfMentee(UUID menteeId) {
            return pairings.values().stream().filter(p -> p.active() && p.menteeId().equals(menteeId)).findFirst();
        }
    }

    /** A rule violation whose stable code is {@code code}. */
    static Matcher<RuleViolation> violation(String code) {
        return new FeatureMatcher<>(equalTo(code), "a rule violation with code", "code") {
            @Override
            protected String featureValueOf(RuleViolation actual) {
                return actual.code();
            }
        };
    }
}
