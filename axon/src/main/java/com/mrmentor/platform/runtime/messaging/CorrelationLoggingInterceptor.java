package com.mrmentor.platform.runtime.messaging;

import com.mrmentor.platform.shared.common.MetadataKeys;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the correlation id of the message being handled into the logging context, so that log lines written by
 * event processors, sagas and deadlines (on their own threads) carry the id of the request that caused them.
 */
@Component
public class CorrelationLoggingInterceptor implements MessageHandlerInterceptor<Message<?>> {

    private static final String MDC_KEY = "correlationId";

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object correlationId = unitOfWork.getMessage().getMetaData().get(MetadataKeys.CORRELATION_ID);
        if (correlationId == null) {
            return chain.proceed();
        }
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, correlationId.toString());
        try {
            return chain.proceed();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }
}
