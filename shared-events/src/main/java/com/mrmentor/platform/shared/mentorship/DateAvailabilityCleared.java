package com.mrmentor.platform.shared.mentorship;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.UUID;

/** The weekly windows apply again on {@code date}. */
@Revision("1")
public record DateAvailabilityCleared(UUID userId, LocalDate date) implements MentorEvent {
}
