package com.mrmentor.platform.runtime.audit;

import com.mrmentor.platform.command.common.Actor;
import com.mrmentor.platform.shared.audit.RecordAuditRead;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Records every read of the audit record before it is answered: who (the command carries the reader's id, roles,
 * platform, request id and address into the event's metadata), which route and query, and which aggregate. A read
 * that cannot be recorded is not answered.
 */
@Configuration(proxyBeanMethods = false)
public class AuditReadRecorder implements WebMvcConfigurer {

    /** The routes whose reads are recorded. */
    public static final String AUDIT_ROUTES = "/api/audit/**";

    private final CommandGateway commands;
    private final Clock clock;

    public AuditReadRecorder(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                record(request);
                return true;
            }
        }).addPathPatterns(AUDIT_ROUTES);
    }

    private void record(HttpServletRequest request) {
        Authentication reader = SecurityContextHolder.getContext().getAuthentication();
        if (reader == null || !reader.isAuthenticated()) {
            return; // security refused the request before it got here; nothing was read
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String aggregateType = variables == null ? null : variables.get("type");
        String aggregateId = variables == null ? null : variables.get("id");
        UUID readerId = Actor.id(reader);
        Instant at = clock.instant();
        commands.sendAndWait(new RecordAuditRead(RecordAuditRead.trailOf(readerId, at), readerId,
                request.getRequestURI(), request.getQueryString(), aggregateType, aggregateId, at));
    }
}
