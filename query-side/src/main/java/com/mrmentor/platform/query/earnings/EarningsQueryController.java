package com.mrmentor.platform.query.earnings;

import com.mrmentor.platform.shared.earnings.EarningsStatement;
import com.mrmentor.platform.shared.earnings.EarningsSummary;
import com.mrmentor.platform.shared.earnings.FindEarningsStatement;
import com.mrmentor.platform.shared.earnings.FindMentorEarnings;
import com.mrmentor.platform.shared.earnings.FindPayout;
import com.mrmentor.platform.shared.earnings.FindPayoutBatches;
import com.mrmentor.platform.shared.earnings.FindPayouts;
import com.mrmentor.platform.shared.earnings.PayoutPage;
import com.mrmentor.platform.shared.earnings.PayoutStatus;
import com.mrmentor.platform.shared.earnings.PayoutView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Earnings and payouts, read. A mentor sees their own balances, statement and payouts; FINANCE, ADMIN and AUDITOR see
 * every mentor's, and finance's queue, timelines and batch totals. Another mentor's earnings are refused (403); another
 * mentor's payout does not exist for the caller (404).
 */
@RestController
@Validated
@Tag(name = "Earnings and payouts: queries")
public class EarningsQueryController {

    private static final Set<String> OVERSEERS = Set.of("ROLE_FINANCE", "ROLE_ADMIN", "ROLE_AUDITOR");
    private static final Duration MAX_STATEMENT = Duration.ofDays(366);

    private final QueryGateway queries;

    public EarningsQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/mentors/{mentorId}/earnings")
    @Operation(summary = "A mentor's balances in paise: pending, available, in payout, paid, withheld (the mentor; "
            + "FINANCE, ADMIN, AUDITOR)")
    public EarningsSummary earnings(@PathVariable UUID mentorId, Authentication caller) {
        requireSelfOrOverseer(mentorId, caller);
        return queries.query(new FindMentorEarnings(mentorId), ResponseTypes.instanceOf(EarningsSummary.class)).join();
    }

    @GetMapping("/api/mentors/{mentorId}/earnings/statement")
    @Operation(summary = "Every ledger line of a mentor in [from, to) with its source: session, payout or reversal "
            + "(the mentor; FINANCE, ADMIN, AUDITOR); at most 366 days")
    public EarningsStatement statement(@PathVariable UUID mentorId,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                       Authentication caller) {
        requireSelfOrOverseer(mentorId, caller);
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_STATEMENT) > 0) {
            throw new ResponseStatusException(BAD_REQUEST, "from must be before to, at most 366 days apart");
        }
        return queries.query(new FindEarningsStatement(mentorId, from, to),
                ResponseTypes.instanceOf(EarningsStatement.class)).join();
    }

    @GetMapping("/api/payouts/mine")
    @Operation(summary = "Your payouts, newest first (MENTOR)")
    public PayoutPage mine(@RequestParam(required = false) PayoutStatus status,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Authentication caller) {
        return page(new FindPayouts(status, UUID.fromString(caller.getName()), null, page, size));
    }

    @GetMapping("/api/payouts/{payoutId}")
    @Operation(summary = "A payout with its timeline (its mentor; FINANCE, ADMIN, AUDITOR)")
    public PayoutView payout(@PathVariable UUID payoutId, Authentication caller) {
        PayoutView payout = queries.query(new FindPayout(payoutId), ResponseTypes.instanceOf(PayoutView.class)).join();
        if (payout == null || !(payout.mentorId().toString().equals(caller.getName()) || isOverseer(caller))) {
            throw new ResponseStatusException(NOT_FOUND, "No such payout");
        }
        return payout;
    }

    @GetMapping("/api/admin/payouts")
    @Operation(summary = "The payout queue, newest first, by state, mentor and batch (FINANCE, ADMIN, AUDITOR)")
    public PayoutPage queue(@RequestParam(required = false) PayoutStatus status,
                            @RequestParam(required = false) UUID mentorId,
                            @RequestParam(required = false) String batchId,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return page(new FindPayouts(status, mentorId, batchId, page, size));
    }

    @GetMapping("/api/admin/payouts/batches")
    @Operation(summary = "Totals per payout batch, newest first: count, amount, amount per state (FINANCE, ADMIN, "
            + "AUDITOR)")
    public EarningsQueryHandlers.PayoutBatches batches(@RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return queries.query(new FindPayoutBatches(limit),
                ResponseTypes.instanceOf(EarningsQueryHandlers.PayoutBatches.class)).join();
    }

    private PayoutPage page(FindPayouts query) {
        return queries.query(query, ResponseTypes.instanceOf(PayoutPage.class)).join();
    }

    private static void requireSelfOrOverseer(UUID mentorId, Authentication caller) {
        if (!mentorId.toString().equals(caller.getName()) && !isOverseer(caller)) {
            throw new ResponseStatusException(FORBIDDEN, "Only the mentor, finance, administrators and auditors see "
                    + "a mentor's earnings");
        }
    }

    private static boolean isOverseer(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> OVERSEERS.contains(a.getAuthority()));
    }
}
