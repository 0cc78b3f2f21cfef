package com.mrmentor.platform.projections.discovery;

import com.mrmentor.platform.shared.discovery.FindMentors;
import com.mrmentor.platform.shared.discovery.MentorSort;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The SQL of a mentor search over {@code discovery_mentor m}: only listed mentors (ACTIVE, not erased), every search
 * word as a word start in the search text, tag filters through {@code discovery_mentor_tag}, and an order that always
 * ends with the mentor id. Values are bound, never spliced in. Plain SQL that PostgreSQL and H2 both run.
 *
 * @param where the condition, starting with {@code WHERE}
 * @param args  its bound values, in order
 */
public record MentorSearchSql(String where, List<Object> args) {

    /** The listed mentors matching {@code query}'s text and filters (not its availability). */
    public static MentorSearchSql of(FindMentors query) {
        StringBuilder where = new StringBuilder("WHERE m.status = 'ACTIVE' AND m.erased = FALSE");
        List<Object> args = new ArrayList<>();
        for (String term : SearchText.terms(query.text())) {
            where.append(" AND m.search_text LIKE ?");
            args.add(SearchText.pattern(term));
        }
        tagFilter(where, args, "EXPERTISE", SearchText.keys(query.expertise()));
        tagFilter(where, args, "LANGUAGE", SearchText.keys(query.languages()));
        inFilter(where, args, "m.track_key", SearchText.keys(query.tracks()));
        inFilter(where, args, "m.company_key", SearchText.keys(query.companies()));
        if (query.minRating() != null) {
            where.append(" AND m.average_rating >= ?");
            args.add(query.minRating());
        }
        if (query.maxPrice() != null) {
            where.append(" AND m.price <= ?");
            args.add(query.maxPrice());
        }
        return new MentorSearchSql(where.toString(), Collections.unmodifiableList(args));
    }

    /**
     * The ORDER BY of {@code sort}. {@link MentorSort#NEXT_AVAILABLE} cannot be ordered in SQL (the free slots are
     * computed); its candidates come in the {@link MentorSort#RATING} order, which then breaks its ties.
     */
    public static String orderBy(MentorSort sort) {
        return switch (sort) {
            case RATING, NEXT_AVAILABLE ->
                    "ORDER BY m.average_rating DESC NULLS LAST, m.completed_sessions DESC, m.user_id";
            case SESSIONS -> "ORDER BY m.completed_sessions DESC, m.average_rating DESC NULLS LAST, m.user_id";
            case PRICE -> "ORDER BY m.price ASC, m.average_rating DESC NULLS LAST, m.completed_sessions DESC, "
                    + "m.user_id";
        };
    }

    private static void tagFilter(StringBuilder where, List<Object> args, String kind, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        where.append(" AND EXISTS (SELECT 1 FROM discovery_mentor_tag t WHERE t.user_id = m.user_id AND t.kind = ? "
                + "AND t.tag_key IN (").append(placeholders(keys.size())).append("))");
        args.add(kind);
        args.addAll(keys);
    }

    private static void inFilter(StringBuilder where, List<Object> args, String column, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        where.append(" AND ").append(column).append(" IN (").append(placeholders(keys.size())).append(")");
        args.addAll(keys);
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
