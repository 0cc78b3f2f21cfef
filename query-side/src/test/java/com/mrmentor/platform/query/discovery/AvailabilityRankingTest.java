package com.mrmentor.platform.query.discovery;

import com.mrmentor.platform.shared.discovery.MentorCard;
import com.mrmentor.platform.shared.discovery.MentorSearchPage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityRankingTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private final MentorCard top = card("top", NOW.plusSeconds(86_400 * 5));
    private final MentorCard soon = card("soon", NOW.plusSeconds(3_600 * 13));
    private final MentorCard never = card("never", null);
    private final MentorCard alsoSoon = card("also-soon", NOW.plusSeconds(3_600 * 13));
    /** In the order the search gave them (the rating order). */
    private final List<MentorCard> candidates = List.of(top, soon, never, alsoSoon);

    @Test
    void soonestFirstPutsMentorsWithoutAFreeSlotLastAndKeepsTheRatingOrderForTies() {
        assertThat(names(AvailabilityRanking.arrange(candidates, null, true)))
                .containsExactly("soon", "also-soon", "top", "never");
    }

    @Test
    void theFilterKeepsOnlyMentorsFreeBeforeTheLimitInTheirOrder() {
        assertThat(names(AvailabilityRanking.arrange(candidates, NOW.plusSeconds(86_400 * 2), false)))
                .containsExactly("soon", "also-soon");
        assertThat(names(AvailabilityRanking.arrange(candidates, NOW.plusSeconds(86_400 * 6), false)))
                .containsExactly("top", "soon", "also-soon");
        assertThat(names(AvailabilityRanking.arrange(candidates, soon.nextAvailableAt(), false)))
                .as("the limit itself is outside").isEmpty();
    }

    @Test
    void pagesAreCutAfterArrangingAndCountEveryKeptMentor() {
        List<MentorCard> arranged = AvailabilityRanking.arrange(candidates, null, true);

        MentorSearchPage first = AvailabilityRanking.page(arranged, 0, 3);
        MentorSearchPage second = AvailabilityRanking.page(arranged, 1, 3);
        MentorSearchPage beyond = AvailabilityRanking.page(arranged, 7, 3);

        assertThat(names(first.mentors())).containsExactly("soon", "also-soon", "top");
        assertThat(names(second.mentors())).containsExactly("never");
        assertThat(beyond.mentors()).isEmpty();
        assertThat(first.totalElements()).isEqualTo(4);
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(beyond.totalPages()).isEqualTo(2);
    }

    @Test
    void pageCountsRoundUp() {
        assertThat(AvailabilityRanking.pages(0, 9)).isZero();
        assertThat(AvailabilityRanking.pages(9, 9)).isEqualTo(1);
        assertThat(AvailabilityRanking.pages(10, 9)).isEqualTo(2);
    }

    private static MentorCard card(String name, Instant next) {
        return new MentorCard(UUID.nameUUIDFromBytes(name.getBytes()), name, null, List.of(), null, null, List.of(),
                1, new BigDecimal("4.00"), 1, 1, next);
    }

    private static List<String> names(List<MentorCard> cards) {
        return cards.stream().map(MentorCard::name).toList();
    }
}
