package com.mrmentor.platform.saga.tokens;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.mrmentor.platform.shared.common.MetadataKeys;
import com.mrmentor.platform.shared.tokens.LapseTokenGrant;
import com.mrmentor.platform.shared.tokens.TokenGrantApproved;
import com.mrmentor.platform.shared.tokens.TokenGrantLapsed;
import com.mrmentor.platform.shared.tokens.TokenGrantRejected;
import com.mrmentor.platform.shared.tokens.TokenGrantRequested;
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
 * Waits for the decision on a grant request and lets it lapse when nobody decides in time.
 *
 * <pre>
 * TokenGrantRequested  → schedule lapse deadline at the request's decideBy
 * TokenGrantApproved   → cancel deadline, end
 * TokenGrantRejected   → cancel deadline, end
 * deadline             → LapseTokenGrant (the wallet ignores it if the request was decided meanwhile)
 * TokenGrantLapsed     → end
 * </pre>
 *
 * <p>Sagas are serialized with Jackson, which by default sees only public fields and getters: without field
 * visibility the stored saga is {@code {}} and the deadline would fire on a saga that knows no grant.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class TokenGrantApprovalSaga {

    static final String LAPSE_DEADLINE = "token-grant-approval-lapse";

    private static final Logger log = LoggerFactory.getLogger(TokenGrantApprovalSaga.class);

    private UUID userId;
    private UUID grantId;
    private String lapseScheduleId;

    @StartSaga
    @SagaEventHandler(associationProperty = "grantId")
    public void on(TokenGrantRequested event, DeadlineManager deadlines) {
        userId = event.userId();
        grantId = event.grantId();
        // The wallet set the window (platform.tokens.approval-timeout) and refuses decisions after it by itself.
        lapseScheduleId = deadlines.schedule(event.decideBy(), LAPSE_DEADLINE);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "grantId")
    public void on(TokenGrantApproved event, DeadlineManager deadlines) {
        deadlines.cancelSchedule(LAPSE_DEADLINE, lapseScheduleId);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "grantId")
    public void on(TokenGrantRejected event, DeadlineManager deadlines) {
        deadlines.cancelSchedule(LAPSE_DEADLINE, lapseScheduleId);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "grantId")
    public void on(TokenGrantLapsed event) {
        // the request is closed; nothing left to wait for
    }

    /**
     * The deadline carries no payload. Axon binds a handler's first parameter to the payload, so that parameter is the
     * deadline message itself: with the gateway first the handler would wait for a CommandGateway payload and never run.
     */
    @DeadlineHandler(deadlineName = LAPSE_DEADLINE)
    public void lapse(DeadlineMessage<?> deadline, CommandGateway commands) {
        commands.send(GenericCommandMessage.asCommandMessage(new LapseTokenGrant(userId, grantId))
                                .andMetaData(Map.of(MetadataKeys.USER_ID, MetadataKeys.SYSTEM_ACTOR)),
                (message, result) -> {
                    if (result.isExceptional()) {
                        log.error("Could not lapse grant request {} of user {}", grantId, userId,
                                result.exceptionResult());
                    }
                });
    }
}
