package com.mrmentor.platform.shared.discovery;

import java.math.BigDecimal;
import java.util.List;

/**
 * Active mentors matching every given filter, in {@code sort} order; answers a {@link MentorSearchPage}. Repeated
 * values of one filter match any of them (a mentor speaking English <em>or</em> Hindi); different filters all
 * apply. Empty lists and nulls do not filter.
 *
 * @param text                 words that must all occur in the mentor's name, headline, bio or expertise tags (each
 *                             as the start of a word, case and accents ignored); null or blank: no text filter
 * @param expertise            expertise tags (case ignored)
 * @param tracks               tracks (case ignored)
 * @param companies            companies (case ignored)
 * @param languages            languages (case ignored)
 * @param minRating            lowest average rating (1–5); unrated mentors do not match
 * @param maxPrice             highest price per session in tokens
 * @param availableWithinDays  a free slot must start within this many days from now (capped at the booking
 *                             horizon)
 * @param page                 zero-based page
 * @param size                 page size
 */
public record FindMentors(String text, List<String> expertise, List<String> tracks, List<String> companies,
                          List<String> languages, BigDecimal minRating, Integer maxPrice,
                          Integer availableWithinDays, MentorSort sort, int page, int size) {

    public FindMentors {
        expertise = expertise == null ? List.of() : List.copyOf(expertise);
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
        companies = companies == null ? List.of() : List.copyOf(companies);
        languages = languages == null ? List.of() : List.copyOf(languages);
        sort = sort == null ? MentorSort.RATING : sort;
    }

    /** Whether the answer depends on every candidate's next free slot (not only the page's). */
    public boolean needsAvailabilityOfAll() {
        return sort == MentorSort.NEXT_AVAILABLE || availableWithinDays != null;
    }
}
