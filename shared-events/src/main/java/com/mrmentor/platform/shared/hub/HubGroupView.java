package com.mrmentor.platform.shared.hub;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A group of a mentor's mentees, with its members. */
public record HubGroupView(UUID groupId, UUID mentorId, String mentorName, String name, String cohort, String track,
                           int maxSize, List<Member> members, Instant createdAt) {

    /** One member of a group. */
    public record Member(UUID menteeId, String name, Instant joinedAt) {
    }
}
