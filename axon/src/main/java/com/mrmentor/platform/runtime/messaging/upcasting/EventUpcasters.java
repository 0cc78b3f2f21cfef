package com.mrmentor.platform.runtime.messaging.upcasting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The upcaster chain, in order. Axon's Spring configuration registers every {@code EventUpcaster} bean with the
 * event store (loading aggregates and feeding event processors alike). A later revision of the same event adds a
 * bean after its predecessor (a higher {@code @Order}), never replaces it: stored events of every old revision stay.
 */
@Configuration(proxyBeanMethods = false)
public class EventUpcasters {

    /** {@code TokensGranted} 1 → 2: source and order of the grant stated. */
    @Bean
    @Order(1)
    public TokensGrantedUpcaster tokensGrantedUpcaster() {
        return new TokensGrantedUpcaster();
    }
}
