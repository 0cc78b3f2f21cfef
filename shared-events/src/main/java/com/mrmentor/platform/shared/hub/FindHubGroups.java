package com.mrmentor.platform.shared.hub;

import java.util.UUID;

/** Groups, narrowed by mentor and cohort where given; a list of {@link HubGroupView}. */
public record FindHubGroups(UUID mentorId, String cohort) {
}
