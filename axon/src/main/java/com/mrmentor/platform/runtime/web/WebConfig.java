package com.mrmentor.platform.runtime.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.mrmentor.platform.shared.common.Platform;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the HTTP plumbing that need explicit placement. */
@Configuration(proxyBeanMethods = false)
public class WebConfig {

    /** Runs inside the security filter chain, after authorization (see {@code SecurityConfig}). */
    @Bean
    IdempotencyFilter idempotencyFilter(IdempotencyStore store, ProblemWriter problems) {
        return new IdempotencyFilter(store, problems);
    }

    /** Keeps Spring Boot from also registering the idempotency filter as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(IdempotencyFilter filter) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * In the HTTP API a platform reads as in the {@code X-Platform} header ({@code mr-mentor}); bodies may also use
     * the constant's name ({@code MR_MENTOR}). The event store keeps the constant's name.
     */
    @Bean
    com.fasterxml.jackson.databind.Module platformAsHeaderValue() {
        SimpleModule module = new SimpleModule("platform-header-values");
        module.addSerializer(Platform.class, new JsonSerializer<>() {
            @Override
            public void serialize(Platform platform, JsonGenerator json, SerializerProvider provider)
                    throws java.io.IOException {
                json.writeString(platform.headerValue());
            }
        });
        module.addDeserializer(Platform.class, new JsonDeserializer<>() {
            @Override
            public Platform deserialize(JsonParser parser, DeserializationContext context) throws java.io.IOException {
                String value = parser.getValueAsString();
                return Platform.fromHeader(value)
                        .or(() -> java.util.Arrays.stream(Platform.values()).filter(p -> p.name().equals(value))
                                .findFirst())
                        .orElseThrow(() -> context.weirdStringException(value, Platform.class,
                                "not one of mr-mentor, mas, mr-hire"));
            }
        });
        return module; // Spring Boot registers every Module bean with the HTTP ObjectMapper
    }
}
