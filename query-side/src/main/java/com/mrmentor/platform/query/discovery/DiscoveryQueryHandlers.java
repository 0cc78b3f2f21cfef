package com.mrmentor.platform.query.discovery;

import com.mrmentor.platform.projections.discovery.DiscoveryReads;
import com.mrmentor.platform.shared.discovery.FindMentorLeaderboard;
import com.mrmentor.platform.shared.discovery.FindMentorReviews;
import com.mrmentor.platform.shared.discovery.FindMentors;
import com.mrmentor.platform.shared.discovery.MentorCard;
import com.mrmentor.platform.shared.discovery.MentorLeaderboard;
import com.mrmentor.platform.shared.discovery.MentorReviewPage;
import com.mrmentor.platform.shared.discovery.MentorSearchPage;
import com.mrmentor.platform.shared.discovery.MentorSort;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Answers the discovery queries from the discovery read model. A search's text and filters, and the orders by
 * rating, sessions and price, run in SQL with the page's limit; the next free slot is then asked for the page's
 * mentors only. When the answer depends on every candidate's next free slot ({@code availableWithinDays}, or the
 * {@code nextAvailable} order), it is asked for every candidate that passed the other filters, looking ahead no
 * further than needed (the days asked for, at most the booking horizon), and the page is cut afterwards.
 */
@Component
public class DiscoveryQueryHandlers {

    private final DiscoveryReads reads;
    private final NextFreeSlots nextFreeSlots;
    private final Clock clock;
    private final Duration horizon;

    public DiscoveryQueryHandlers(DiscoveryReads reads, NextFreeSlots nextFreeSlots, Clock clock,
                                  @Value("${platform.mentorship.max-advance:P30D}") Duration horizon) {
        this.reads = reads;
        this.nextFreeSlots = nextFreeSlots;
        this.clock = clock;
        this.horizon = horizon;
    }

    @QueryHandler
    public MentorSearchPage handle(FindMentors query) {
        Instant now = clock.instant();
        Instant horizonEnd = now.plus(horizon);
        if (!query.needsAvailabilityOfAll()) {
            long total = reads.count(query);
            List<MentorCard> cards = reads.search(query, query.sort(), query.size(), (long) query.page() * query.size())
                    .stream().map(card -> card.withNextAvailableAt(nextFreeSlots.next(card.mentorId(), now,
                            horizonEnd)))
                    .toList();
            return new MentorSearchPage(cards, query.page(), query.size(), total,
                    AvailabilityRanking.pages(total, query.size()));
        }
        Instant freeBefore = query.availableWithinDays() == null ? null
                : earliest(now.plus(Duration.ofDays(query.availableWithinDays())), horizonEnd);
        Instant lookAhead = freeBefore == null ? horizonEnd : freeBefore;
        List<MentorCard> candidates = reads.searchAll(query, query.sort()).stream()
                .map(card -> card.withNextAvailableAt(nextFreeSlots.next(card.mentorId(), now, lookAhead)))
                .toList();
        List<MentorCard> arranged = AvailabilityRanking.arrange(candidates, freeBefore,
                query.sort() == MentorSort.NEXT_AVAILABLE);
        return AvailabilityRanking.page(arranged, query.page(), query.size());
    }

    @QueryHandler
    public MentorLeaderboard handle(FindMentorLeaderboard query) {
        long total = reads.leaderboardSize();
        return new MentorLeaderboard(reads.leaderboard(query.size(), (long) query.page() * query.size()),
                query.page(), query.size(), total, AvailabilityRanking.pages(total, query.size()));
    }

    /** The mentor's reviews, newest first (none for an unknown mentor; who may see them is the caller's check). */
    @QueryHandler
    public MentorReviewPage handle(FindMentorReviews query) {
        long total = reads.reviewCount(query.mentorId());
        return new MentorReviewPage(reads.reviews(query.mentorId(), query.size(), (long) query.page() * query.size()),
                query.page(), query.size(), total, AvailabilityRanking.pages(total, query.size()));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
