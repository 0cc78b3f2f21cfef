package com.mrmentor.platform.saga.earnings;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.mrmentor.platform.shared.common.MetadataKeys;
import com.mrmentor.platform.shared.earnings.ExpirePayoutRequest;
import com.mrmentor.platform.shared.earnings.PayoutApproved;
import com.mrmentor.platform.shared.earnings.PayoutCancelled;
import com.mrmentor.platform.shared.earnings.PayoutFailed;
import com.mrmentor.platform.shared.earnings.PayoutProcessed;
import com.mrmentor.platform.shared.earnings.PayoutRejected;
import com.mrmentor.platform.shared.earnings.PayoutRequested;
import com.mrmentor.platform.shared.earnings.PayoutReversed;
import com.mrmentor.platform.shared.earnings.PayoutSubmissionDeferred;
import com.mrmentor.platform.shared.earnings.PayoutSubmitted;
import com.mrmentor.platform.shared.earnings.SubmitPayout;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;

/**
 * Drives one payout through time; the rules and the money live in the payout and the ledger.
 *
 * <pre>
 * PayoutRequested          → deadline approvalTimeout → ExpirePayoutRequest (rejected, money returned)
 * PayoutApproved           → cancel it; deadline at the batch (sendAt) → SubmitPayout
 * PayoutSubmissionDeferred → deadline at retryAt → SubmitPayout (the provider was unreachable)
 * PayoutSubmitted          → cancel the send deadline (finance sent it at once), wait for the webhook
 * PayoutProcessed | Rejected | Cancelled | Failed | Reversed → cancel everything, end
 * </pre>
 *
 * Deadlines are persistent (db-scheduler), so a restart keeps them. A reversal after PROCESSED arrives by webhook
 * and is handled by the workflow without the saga.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class PayoutSaga {

    static final String APPROVAL_DEADLINE = "payout-approval-timeout";
    static final String SEND_DEADLINE = "payout-send";

    private static final Logger log = LoggerFactory.getLogger(PayoutSaga.class);

    private UUID payoutId;
    private String approvalSchedule;
    private String sendSchedule;

    @StartSaga
    @SagaEventHandler(associationProperty = "payoutId")
    public void on(PayoutRequested event, DeadlineManager deadlines, PayoutSagaPolicy policy) {
        payoutId = event.payoutId();
        approvalSchedule = deadlines.schedule(event.requestedAt().plus(policy.approvalTimeout()), APPROVAL_DEADLINE);
    }

    @SagaEventHandler(associationProperty = "payoutId")
    public void on(PayoutApproved event, DeadlineManager deadlines) {
        cancelApproval(deadlines);
        sendSchedule = deadlines.schedule(event.sendAt(), SEND_DEADLINE);
    }

    @SagaEventHandler(associationProperty = "payoutId")
    public void on(PayoutSubmissionDeferred event, DeadlineManager deadlines) {
        cancelSend(deadlines);
        sendSchedule = deadlines.schedule(event.retryAt(), SEND_DEADLINE);
    }

    @SagaEventHandler(associationProperty = "payoutId")
    public void on(PayoutSubmitted event, DeadlineManager deadlines) {
        cancelSend(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "payoutId")
    public void on(PayoutProcessed event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "payoutId")
    public void on(PayoutRejected event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "payoutId")
    public void on(PayoutCancelled event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "payoutId")
    public void on(PayoutFailed event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "payoutId")
    public void on(PayoutReversed event, DeadlineManager deadlines) {
        cancelAll(deadlines);
    }

    /** The deadline carries no payload, so its first parameter is the message (see TokenGrantApprovalSaga). */
    @DeadlineHandler(deadlineName = APPROVAL_DEADLINE)
    public void approvalTimedOut(DeadlineMessage<?> deadline, CommandGateway commands) {
        approvalSchedule = null;
        send(commands, new ExpirePayoutRequest(payoutId));
    }

    @DeadlineHandler(deadlineName = SEND_DEADLINE)
    public void batchDue(DeadlineMessage<?> deadline, CommandGateway commands) {
        sendSchedule = null;
        send(commands, new SubmitPayout(payoutId, null, false));
    }

    private void cancelAll(DeadlineManager deadlines) {
        cancelApproval(deadlines);
        cancelSend(deadlines);
    }

    private void cancelApproval(DeadlineManager deadlines) {
        if (approvalSchedule != null) {
            deadlines.cancelSchedule(APPROVAL_DEADLINE, approvalSchedule);
            approvalSchedule = null;
        }
    }

    private void cancelSend(DeadlineManager deadlines) {
        if (sendSchedule != null) {
            deadlines.cancelSchedule(SEND_DEADLINE, sendSchedule);
            sendSchedule = null;
        }
    }

    /** Commands of the saga act for the platform. */
    private void send(CommandGateway commands, Object command) {
        commands.send(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(Map.of(MetadataKeys.USER_ID, MetadataKeys.SYSTEM_ACTOR)),
                (message, result) -> {
                    if (result.isExceptional()) {
                        log.error("Payout {}: {} failed", payoutId, command.getClass().getSimpleName(),
                                result.exceptionResult());
                    }
                });
    }
}
