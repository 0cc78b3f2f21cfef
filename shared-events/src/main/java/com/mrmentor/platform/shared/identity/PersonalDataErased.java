package com.mrmentor.platform.shared.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The person's key was destroyed: every personal field of every event about them now reads as erased. The account is
 * closed for good; amounts, dates and counts in the history stay as they were.
 */
@Revision("1")
public record PersonalDataErased(UUID userId, String reason, Instant at) implements AccountEvent {
}
