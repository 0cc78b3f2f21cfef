package com.mrmentor.platform.query.audit;

import com.mrmentor.platform.query.crm.SalesFunnel;
import com.mrmentor.platform.query.crm.SalesFunnelAsOf;
import com.mrmentor.platform.query.finance.PayoutLiability;
import com.mrmentor.platform.query.finance.PayoutLiabilityAsOf;
import com.mrmentor.platform.query.finance.TokenLiability;
import com.mrmentor.platform.query.finance.TokenLiabilityAsOf;
import com.mrmentor.platform.shared.common.RuleViolation;
import com.mrmentor.platform.shared.crm.LeadSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Figures as they stood at a past instant, folded from the event log rather than read from the (current) read models:
 * the token liability, the payout liability and the sales funnel. {@code asOf} is an ISO-8601 instant, at most now;
 * without it, now. An event counts when it was stored at or before {@code asOf}.
 */
@RestController
@Validated
@Tag(name = "Audit: figures as of an instant")
public class AsOfDashboardsController {

    /** At most this many wallets or mentors may be named in one request. */
    static final int MAX_NAMED = 200;

    private final TokenLiabilityAsOf tokens;
    private final PayoutLiabilityAsOf payouts;
    private final SalesFunnelAsOf funnel;
    private final Clock clock;

    public AsOfDashboardsController(TokenLiabilityAsOf tokens, PayoutLiabilityAsOf payouts, SalesFunnelAsOf funnel,
                                    Clock clock) {
        this.tokens = tokens;
        this.payouts = payouts;
        this.funnel = funnel;
        this.clock = clock;
    }

    @GetMapping("/api/audit/liabilities/tokens")
    @Operation(summary = "The token liability as of an instant: tokens owned (available and held) over all wallets, "
            + "or the named ones (userId, repeatable), in total and per category, with the number of wallets "
            + "(ADMIN, AUDITOR, FINANCE). Folded from the event log")
    public TokenLiability tokenLiability(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(name = "userId", required = false) @Size(max = MAX_NAMED) List<UUID> userIds) {
        return tokens.asOf(instant(asOf), named(userIds));
    }

    @GetMapping("/api/audit/liabilities/payouts")
    @Operation(summary = "The payout liability as of an instant, in paise: mentors' pending and available earnings "
            + "and the money in payouts not yet paid, over all mentors or the named ones (mentorId, repeatable) "
            + "(ADMIN, AUDITOR, FINANCE). Folded from the event log")
    public PayoutLiability payoutLiability(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(name = "mentorId", required = false) @Size(max = MAX_NAMED) List<UUID> mentorIds) {
        return payouts.asOf(instant(asOf), named(mentorIds));
    }

    @GetMapping("/api/audit/sales-funnel")
    @Operation(summary = "Leads per pipeline stage as of an instant, with captured, open, converted, lost and merged "
            + "totals, over all leads or those of one campaign and/or source (ADMIN, AUDITOR, SALES_HEAD). Folded "
            + "from the event log")
    public SalesFunnel salesFunnel(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(required = false) @Size(min = 1, max = 100) String campaignId,
            @RequestParam(required = false) LeadSource source) {
        return funnel.asOf(instant(asOf), campaignId, source == null ? null : source.name());
    }

    private Instant instant(Instant asOf) {
        return AsOf.resolve(asOf, clock);
    }

    private static Set<UUID> named(List<UUID> ids) {
        return ids == null ? Set.of() : ids.stream().filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
