package com.mrmentor.platform.query.discovery;

import com.mrmentor.platform.shared.discovery.MentorCard;
import com.mrmentor.platform.shared.discovery.MentorSearchPage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The part of a search that needs every candidate's next free slot: keeping only mentors free before a limit, and
 * ordering soonest first. Ties keep the order the candidates came in (the rating order, which ends with the mentor
 * id), so pages are stable.
 */
final class AvailabilityRanking {

    private AvailabilityRanking() {
    }

    /**
     * @param candidates    cards with their next free slot (or null), in the order that breaks ties
     * @param freeBefore    when not null, only mentors with a free slot starting before it are kept
     * @param soonestFirst  order by next free slot, soonest first, mentors without one last
     */
    static List<MentorCard> arrange(List<MentorCard> candidates, Instant freeBefore, boolean soonestFirst) {
        List<MentorCard> kept = new ArrayList<>(candidates.stream()
                .filter(card -> freeBefore == null
                        || (card.nextAvailableAt() != null && card.nextAvailableAt().isBefore(freeBefore)))
                .toList());
        if (soonestFirst) {
            kept.sort(Comparator.comparing(MentorCard::nextAvailableAt,
                    Comparator.nullsLast(Comparator.naturalOrder()))); // stable: ties keep the candidates' order
        }
        return kept;
    }

    /** Page {@code page} of {@code size} of the arranged cards. */
    static MentorSearchPage page(List<MentorCard> arranged, int page, int size) {
        long from = (long) page * size;
        List<MentorCard> slice = from >= arranged.size() ? List.of()
                : arranged.subList((int) from, (int) Math.min(arranged.size(), from + size));
        return new MentorSearchPage(List.copyOf(slice), page, size, arranged.size(), pages(arranged.size(), size));
    }

    static int pages(long total, int size) {
        return (int) ((total + size - 1) / size);
    }
}
