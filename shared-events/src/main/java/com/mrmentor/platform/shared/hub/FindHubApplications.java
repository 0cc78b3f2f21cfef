package com.mrmentor.platform.shared.hub;

import java.util.UUID;

/** Applications, newest first, narrowed by mentor, mentee and status where given; a list of {@link HubApplicationView}. */
public record FindHubApplications(UUID mentorId, UUID menteeId, ApplicationStatus status, int page, int size) {
}
