package com.mrmentor.platform.command.hub;

import com.mrmentor.platform.shared.mentorship.MentorStatus;

import java.util.Optional;
import java.util.UUID;

/** Where a user stands as a mentor (the mentorship context decides who mentors); empty if they never applied. */
public interface HubMentors {

    Optional<MentorStatus> status(UUID mentorId);
}
