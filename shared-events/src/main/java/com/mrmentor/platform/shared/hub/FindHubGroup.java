package com.mrmentor.platform.shared.hub;

import java.util.UUID;

/** One group; a {@link HubGroupView}, or null. */
public record FindHubGroup(UUID groupId) {
}
