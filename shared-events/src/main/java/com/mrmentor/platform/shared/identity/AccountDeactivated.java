package com.mrmentor.platform.shared.identity;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** An administrator switched the account off; its access tokens are refused from the next request. */
@Revision("1")
public record AccountDeactivated(UUID userId, String reason) implements AccountEvent {
}
