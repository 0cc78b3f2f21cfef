package com.mrmentor.platform.query.discovery;

import com.mrmentor.platform.shared.discovery.FindMentorLeaderboard;
import com.mrmentor.platform.shared.discovery.FindMentorReviews;
import com.mrmentor.platform.shared.discovery.FindMentors;
import com.mrmentor.platform.shared.discovery.MentorLeaderboard;
import com.mrmentor.platform.shared.discovery.MentorReviewPage;
import com.mrmentor.platform.shared.discovery.MentorSearchPage;
import com.mrmentor.platform.shared.discovery.MentorSort;
import com.mrmentor.platform.shared.mentorship.FindMentor;
import com.mrmentor.platform.shared.mentorship.MentorStatus;
import com.mrmentor.platform.shared.mentorship.MentorView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Public discovery (anyone, signed in or not): the mentor search, the leaderboard and a mentor's reviews. Only
 * active mentors are listed; reviews never say who wrote them.
 */
@RestController
@RequestMapping("/api/mentors")
@Validated
@Tag(name = "Mentors: discovery")
public class DiscoveryQueryController {

    static final String SORTS = "rating|sessions|price|nextAvailable";

    private final QueryGateway queries;

    public DiscoveryQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Search active mentors: words in name, headline, bio or expertise (each as a word start, "
            + "case and accents ignored), filters (a repeated filter matches any of its values), sort and page. "
            + "Each mentor shows average rating, ratings, completed sessions and the next free slot")
    public MentorSearchPage search(
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Size(max = 10) List<String> expertise,
            @RequestParam(required = false) @Size(max = 10) List<String> track,
            @RequestParam(required = false) @Size(max = 10) List<String> company,
            @RequestParam(required = false) @Size(max = 10) List<String> language,
            @RequestParam(required = false) @DecimalMin("1") @DecimalMax("5") BigDecimal minRating,
            @RequestParam(required = false) @Min(1) Integer maxPrice,
            @Parameter(description = "a free slot must start within this many days (looks no further than the "
                    + "booking horizon, 30 days)")
            @RequestParam(required = false) @Min(1) Integer availableWithinDays,
            @Parameter(description = "rating (default), sessions, price or nextAvailable")
            @RequestParam(defaultValue = "rating")
            @Pattern(regexp = SORTS, message = "must be one of rating, sessions, price, nextAvailable") String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "9") @Min(1) @Max(50) int size) {
        MentorSort order = MentorSort.ofParameter(sort).orElseThrow(); // the pattern admits only known orders
        return queries.query(new FindMentors(q, expertise, track, company, language, minRating, maxPrice,
                availableWithinDays, order, page, size), ResponseTypes.instanceOf(MentorSearchPage.class)).join();
    }

    @GetMapping("/leaderboard")
    @Operation(summary = "Active mentors with completed sessions, ranked by completed sessions, then average rating; "
            + "equal mentors share a rank")
    public MentorLeaderboard leaderboard(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                         @RequestParam(defaultValue = "10") @Min(1) @Max(10) int size) {
        return queries.query(new FindMentorLeaderboard(page, size),
                ResponseTypes.instanceOf(MentorLeaderboard.class)).join();
    }

    @GetMapping("/{mentorId}/reviews")
    @Operation(summary = "A mentor's reviews, newest first: stars, experience, whether the mentor was on time, "
            + "comment and when; never who wrote them (anyone for active mentors; the mentor and ADMIN always)")
    public MentorReviewPage reviews(@PathVariable UUID mentorId,
                                    @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                    @RequestParam(defaultValue = "10") @Min(1) @Max(50) int size,
                                    Authentication caller) {
        MentorView mentor = queries.query(new FindMentor(mentorId), ResponseTypes.instanceOf(MentorView.class))
                .join();
        if (mentor == null || (mentor.status() != MentorStatus.ACTIVE && !isSelfOrAdmin(mentorId, caller))) {
            throw new ResponseStatusException(NOT_FOUND, "No such mentor");
        }
        return queries.query(new FindMentorReviews(mentorId, page, size),
                ResponseTypes.instanceOf(MentorReviewPage.class)).join();
    }

    private static boolean isSelfOrAdmin(UUID userId, Authentication caller) {
        return caller != null && (userId.toString().equals(caller.getName()) || caller.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN")));
    }
}
