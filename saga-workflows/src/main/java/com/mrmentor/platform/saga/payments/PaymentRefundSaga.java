package com.mrmentor.platform.saga.payments;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.mrmentor.platform.shared.common.MetadataKeys;
import com.mrmentor.platform.shared.payments.FlagRefundOverdue;
import com.mrmentor.platform.shared.payments.PaymentRefundFailed;
import com.mrmentor.platform.shared.payments.PaymentRefundProcessed;
import com.mrmentor.platform.shared.payments.PaymentRefundRequested;
import com.mrmentor.platform.shared.payments.RecordRefundSubmission;
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

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Gets the money of a refund back to the buyer once the tokens were revoked.
 *
 * <pre>
 * PaymentRefundRequested → ask the provider (RecordRefundSubmission: its refund id, or why it refused);
 *                          deadline refundOverdueAfter → FlagRefundOverdue (finance looks at it)
 * PaymentRefundProcessed → cancel the deadline, end
 * PaymentRefundFailed    → cancel the deadline, end (the failure stays visible; nothing is restored by itself)
 * </pre>
 *
 * The provider call happens once per refund in the normal course; if the saga's transaction failed after the
 * provider accepted, the event would be handled again and the call repeated with the same receipt (our refund id).
 * A repeated full refund is refused by the provider (the payment is refunded); see docs/payments.md.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class PaymentRefundSaga {

    static final String OVERDUE_DEADLINE = "payment-refund-overdue";

    private static final Logger log = LoggerFactory.getLogger(PaymentRefundSaga.class);

    private UUID orderId;
    private UUID refundId;
    private String overdueSchedule;

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentRefundRequested event, PaymentRefunds refunds, DeadlineManager deadlines,
                   PaymentSagaPolicy policy, CommandGateway commands) {
        orderId = event.orderId();
        refundId = event.refundId();
        Instant due = event.requestedAt().plus(policy.refundOverdueAfter());
        overdueSchedule = deadlines.schedule(due, OVERDUE_DEADLINE);
        RecordRefundSubmission answer;
        try {
            String providerRefundId = refunds.refund(event.providerPaymentId(), event.amount(), refundId);
            answer = new RecordRefundSubmission(orderId, refundId, providerRefundId, null);
        } catch (PaymentRefunds.RefundRefused refused) {
            answer = new RecordRefundSubmission(orderId, refundId, null, "the provider refused the refund: "
                    + refused.getMessage());
        }
        send(commands, answer);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentRefundProcessed event, DeadlineManager deadlines) {
        deadlines.cancelSchedule(OVERDUE_DEADLINE, overdueSchedule);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentRefundFailed event, DeadlineManager deadlines) {
        deadlines.cancelSchedule(OVERDUE_DEADLINE, overdueSchedule);
    }

    /** The deadline carries no payload, so its first parameter is the message (see TokenGrantApprovalSaga). */
    @DeadlineHandler(deadlineName = OVERDUE_DEADLINE)
    public void overdue(DeadlineMessage<?> deadline, CommandGateway commands) {
        send(commands, new FlagRefundOverdue(orderId, refundId));
    }

    /** Commands of the saga act for the platform. */
    private void send(CommandGateway commands, Object command) {
        commands.send(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(Map.of(MetadataKeys.USER_ID, MetadataKeys.SYSTEM_ACTOR)),
                (message, result) -> {
                    if (result.isExceptional()) {
                        log.error("Refund {} of order {}: {} failed", refundId, orderId,
                                command.getClass().getSimpleName(), result.exceptionResult());
                    }
                });
    }
}
