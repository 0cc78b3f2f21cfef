package com.mrmentor.platform.shared.identity;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** An administrator withdrew an invitation before it was used. */
@Revision("1")
public record InvitationRevoked(UUID invitationId, UUID userId, String reason) {
}
