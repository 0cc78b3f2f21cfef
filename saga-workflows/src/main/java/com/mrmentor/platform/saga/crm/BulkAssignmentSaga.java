package com.mrmentor.platform.saga.crm;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.mrmentor.platform.shared.common.BusinessError;
import com.mrmentor.platform.shared.common.MetadataKeys;
import com.mrmentor.platform.shared.crm.AssignLeadToRep;
import com.mrmentor.platform.shared.crm.BulkAssignmentApproved;
import com.mrmentor.platform.shared.crm.BulkAssignmentCarriedOut;
import com.mrmentor.platform.shared.crm.BulkAssignmentLapsed;
import com.mrmentor.platform.shared.crm.BulkAssignmentRejected;
import com.mrmentor.platform.shared.crm.BulkAssignmentRequested;
import com.mrmentor.platform.shared.crm.LapseBulkAssignment;
import com.mrmentor.platform.shared.crm.RecordBulkAssignmentOutcome;
import org.axonframework.commandhandling.CommandExecutionException;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The approval gate over bulk assignment.
 *
 * <pre>
 * BulkAssignmentRequested → schedule the lapse deadline at decideBy (48 hours)
 * BulkAssignmentRejected  → cancel the deadline, end
 * BulkAssignmentApproved  → cancel the deadline; assign the leads one by one (AssignLeadToRep, acting user: the
 *                           approver, with the request id), then RecordBulkAssignmentOutcome
 * BulkAssignmentCarriedOut → end
 * deadline                → LapseBulkAssignment (ignored by a request decided meanwhile)
 * BulkAssignmentLapsed    → end
 * </pre>
 *
 * <p>A lead that cannot be assigned (closed meanwhile, with the rep already, unknown) is reported in the outcome and
 * does not stop the others.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class BulkAssignmentSaga {

    static final String LAPSE_DEADLINE = "crm-bulk-assignment-lapse";

    private static final Logger log = LoggerFactory.getLogger(BulkAssignmentSaga.class);

    private UUID requestId;
    private String lapseScheduleId;

    @StartSaga
    @SagaEventHandler(associationProperty = "requestId")
    public void on(BulkAssignmentRequested event, DeadlineManager deadlines) {
        requestId = event.requestId();
        lapseScheduleId = deadlines.schedule(event.decideBy(), LAPSE_DEADLINE);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "requestId")
    public void on(BulkAssignmentRejected event, DeadlineManager deadlines) {
        deadlines.cancelSchedule(LAPSE_DEADLINE, lapseScheduleId);
    }

    @SagaEventHandler(associationProperty = "requestId")
    public void on(BulkAssignmentApproved event, DeadlineManager deadlines, CommandGateway commands) {
        deadlines.cancelSchedule(LAPSE_DEADLINE, lapseScheduleId);
        int assigned = 0;
        List<String> failures = new ArrayList<>();
        for (UUID leadId : event.leadIds()) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new AssignLeadToRep(leadId, event.repId(),
                        event.approvedBy(), event.requestId(), "bulk request " + event.requestId()))
                        .andMetaData(Map.of(MetadataKeys.USER_ID, event.approvedBy().toString())));
                assigned++;
            } catch (CommandExecutionException refused) {
                String code = refused.getDetails().orElse(null) instanceof BusinessError error ? error.code()
                        : "failed";
                failures.add(leadId + ": " + code);
            } catch (RuntimeException refused) {
                failures.add(leadId + ": " + refused.getClass().getSimpleName());
            }
        }
        commands.send(GenericCommandMessage.asCommandMessage(
                        new RecordBulkAssignmentOutcome(event.requestId(), assigned, failures))
                .andMetaData(Map.of(MetadataKeys.USER_ID, MetadataKeys.SYSTEM_ACTOR)), (message, result) -> {
                    if (result.isExceptional()) {
                        log.error("Could not record the outcome of bulk request {}", requestId,
                                result.exceptionResult());
                    }
                });
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "requestId")
    public void on(BulkAssignmentCarriedOut event) {
        // done
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "requestId")
    public void on(BulkAssignmentLapsed event) {
        // nobody decided in time
    }

    @DeadlineHandler(deadlineName = LAPSE_DEADLINE)
    public void lapse(DeadlineMessage<?> deadline, CommandGateway commands) {
        commands.send(GenericCommandMessage.asCommandMessage(new LapseBulkAssignment(requestId))
                        .andMetaData(Map.of(MetadataKeys.USER_ID, MetadataKeys.SYSTEM_ACTOR)),
                (message, result) -> {
                    if (result.isExceptional()) {
                        log.error("Could not lapse bulk assignment request {}", requestId, result.exceptionResult());
                    }
                });
    }
}
