package com.mrmentor.platform.shared.hub;

import java.util.UUID;

/**
 * Progress of every pair, narrowed to pairs whose mentee is in a group of {@code cohort} with their mentor, and to
 * one mentor, where given; a list of {@link PairProgressView}.
 */
public record FindCohortProgress(String cohort, UUID mentorId) {
}
