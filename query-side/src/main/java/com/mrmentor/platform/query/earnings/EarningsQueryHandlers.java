package com.mrmentor.platform.query.earnings;

import com.mrmentor.platform.projections.earnings.EarningsReads;
import com.mrmentor.platform.shared.earnings.EarningsStatement;
import com.mrmentor.platform.shared.earnings.EarningsSummary;
import com.mrmentor.platform.shared.earnings.FindEarningsStatement;
import com.mrmentor.platform.shared.earnings.FindMentorEarnings;
import com.mrmentor.platform.shared.earnings.FindPayout;
import com.mrmentor.platform.shared.earnings.FindPayoutBatches;
import com.mrmentor.platform.shared.earnings.FindPayouts;
import com.mrmentor.platform.shared.earnings.PayoutBatchTotals;
import com.mrmentor.platform.shared.earnings.PayoutPage;
import com.mrmentor.platform.shared.earnings.PayoutView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers the earnings and payout queries from their read models. */
@Component
public class EarningsQueryHandlers {

    private final EarningsReads reads;

    public EarningsQueryHandlers(EarningsReads reads) {
        this.reads = reads;
    }

    @QueryHandler
    public EarningsSummary handle(FindMentorEarnings query) {
        return reads.summary(query.mentorId());
    }

    @QueryHandler
    public EarningsStatement handle(FindEarningsStatement query) {
        return reads.statement(query.mentorId(), query.from(), query.to());
    }

    /** The payout, or null. */
    @QueryHandler
    public PayoutView handle(FindPayout query) {
        return reads.payout(query.payoutId()).orElse(null);
    }

    @QueryHandler
    public PayoutPage handle(FindPayouts query) {
        return reads.payouts(query);
    }

    @QueryHandler
    public PayoutBatches handle(FindPayoutBatches query) {
        return new PayoutBatches(reads.batches(query.limit()));
    }

    /** The batches, newest first. */
    public record PayoutBatches(List<PayoutBatchTotals> batches) {
    }
}
