package com.mrmentor.platform.shared.identity;

import com.mrmentor.platform.shared.common.Platform;
import org.axonframework.serialization.Revision;

import java.util.Set;
import java.util.UUID;

/** An administrator changed the platforms the account belongs to. */
@Revision("1")
public record AccountPlatformsChanged(UUID userId, Set<Platform> platforms, Set<Platform> previousPlatforms,
                                      String reason) implements AccountEvent {
}
