package com.mrmentor.platform.shared.mentorship;

/** Mentors in {@code status} (e.g. APPLIED: the queue to decide), oldest application first; a list of {@link MentorView}. */
public record FindMentorApplications(MentorStatus status, int page, int size) {
}
