package com.mrmentor.platform.shared.hub;

import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One side submitted ({@code correction}: replaced) its half of a session log: topic, score 1–5 and the needs-support
 * flag with its reason. Topic and reason are the author's words: personal data of the author.
 */
@Revision("1")
public record SessionLogHalfSubmitted(UUID pairingId, LocalDate sessionDate, UUID mentorId, UUID menteeId,
                                      PairSide side, @DataSubject UUID author, @PersonalData String topic, int score,
                                      boolean needsSupport, @PersonalData String supportReason, boolean correction,
                                      Instant submittedAt) implements SessionLogEvent {
}
