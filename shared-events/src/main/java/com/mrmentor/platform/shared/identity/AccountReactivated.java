package com.mrmentor.platform.shared.identity;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** An administrator switched a deactivated account back on. Its old sessions stay revoked. */
@Revision("1")
public record AccountReactivated(UUID userId, String reason) implements AccountEvent {
}
