package com.mrmentor.platform.projections.discovery;

import com.mrmentor.platform.shared.discovery.FindMentors;
import com.mrmentor.platform.shared.discovery.MentorSort;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MentorSearchSqlTest {

    @Test
    void withoutFiltersOnlyListedMentorsAreSearched() {
        MentorSearchSql sql = MentorSearchSql.of(query(null, List.of(), List.of(), null, null));

        assertThat(sql.where()).isEqualTo("WHERE m.status = 'ACTIVE' AND m.erased = FALSE");
        assertThat(sql.args()).isEmpty();
    }

    @Test
    void everySearchWordMustStartAWordAndValuesAreBoundNotSpliced() {
        MentorSearchSql sql = MentorSearchSql.of(query("Kafka streams'; DROP TABLE x", List.of(), List.of(),
                null, null));

        assertThat(sql.where()).doesNotContain("kafka", "DROP").contains("m.search_text LIKE ?");
        assertThat(sql.args()).containsExactly("% kafka%", "% streams%", "% drop%", "% table%", "% x%");
    }

    @Test
    void repeatedValuesOfOneFilterMatchAnyAndFiltersCombine() {
        MentorSearchSql sql = MentorSearchSql.of(query(null, List.of("Java", " java", "Go"), List.of("Hindi"),
                new BigDecimal("4.5"), 3));

        assertThat(sql.where()).contains("t.kind = ? AND t.tag_key IN (?, ?))", "t.kind = ? AND t.tag_key IN (?))",
                "m.average_rating >= ?", "m.price <= ?");
        assertThat(sql.args()).containsExactly("EXPERTISE", "java", "go", "LANGUAGE", "hindi",
                new BigDecimal("4.5"), 3);
    }

    @Test
    void everyOrderEndsWithTheMentorIdAndPutsUnratedMentorsLast() {
        for (MentorSort sort : MentorSort.values()) {
            assertThat(MentorSearchSql.orderBy(sort)).endsWith(", m.user_id")
                    .contains("m.average_rating DESC NULLS LAST");
        }
        assertThat(MentorSearchSql.orderBy(MentorSort.RATING))
                .isEqualTo("ORDER BY m.average_rating DESC NULLS LAST, m.completed_sessions DESC, m.user_id");
        assertThat(MentorSearchSql.orderBy(MentorSort.SESSIONS)).startsWith("ORDER BY m.completed_sessions DESC");
        assertThat(MentorSearchSql.orderBy(MentorSort.PRICE)).startsWith("ORDER BY m.price ASC");
    }

    private static FindMentors query(String text, List<String> expertise, List<String> languages,
                                     BigDecimal minRating, Integer maxPrice) {
        return new FindMentors(text, expertise, List.of(), List.of(), languages, minRating, maxPrice, null,
                MentorSort.RATING, 0, 9);
    }
}
