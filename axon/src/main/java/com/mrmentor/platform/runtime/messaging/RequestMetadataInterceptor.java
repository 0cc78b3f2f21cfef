package com.mrmentor.platform.runtime.messaging;

import com.mrmentor.platform.runtime.web.RequestContext;
import com.mrmentor.platform.shared.common.MetadataKeys;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Stamps every command sent while serving an HTTP request with who, from where and why: acting user and roles
 * (from the verified token), platform, correlation and request id, causation id, client IP and the
 * {@code Idempotency-Key}. Commands sent outside a request (sagas, deadlines) inherit their context from the
 * message being handled instead.
 */
@Component
public class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        Map<String, String> metadata = currentRequestMetadata();
        return (index, command) -> metadata.isEmpty() ? command : command.andMetaData(metadata);
    }

    private static Map<String, String> currentRequestMetadata() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Map.of();
        }
        HttpServletRequest request = attributes.getRequest();
        RequestContext context = RequestContext.of(request);
        Map<String, String> metadata = new HashMap<>();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            metadata.put(MetadataKeys.USER_ID, authentication.getName());
            metadata.put(MetadataKeys.ROLES, authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_"))
                    .map(a -> a.substring("ROLE_".length()))
                    .sorted()
                    .collect(Collectors.joining(",")));
        }
        metadata.put(MetadataKeys.PLATFORM, context.platform().headerValue());
        metadata.put(MetadataKeys.CORRELATION_ID, context.requestId());
        metadata.put(MetadataKeys.REQUEST_ID, context.requestId());
        metadata.put(MetadataKeys.CAUSATION_ID, context.requestId());
        metadata.put(MetadataKeys.CLIENT_IP, request.getRemoteAddr());
        String idempotencyKey = request.getHeader("Idempotency-Key");
        if (idempotencyKey != null) {
            metadata.put(MetadataKeys.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return metadata;
    }
}
