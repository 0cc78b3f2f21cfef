package com.mrmentor.platform.runtime.web;

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
}
