package com.mrmentor.platform.runtime.messaging;

import com.mrmentor.platform.shared.common.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Turns a rule violation thrown by a command handler into a {@link CommandExecutionException} whose details are
 * the {@link com.mrmentor.platform.shared.common.BusinessError}. Details survive the trip through Axon Server, so
 * the dispatching node answers with the same problem type whether the handler ran here or elsewhere.
 */
@Component
public class RuleViolationTransport implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (RuleViolation violation) {
            throw new CommandExecutionException(violation.getMessage(), null, violation.toBusinessError());
        }
    }
}
