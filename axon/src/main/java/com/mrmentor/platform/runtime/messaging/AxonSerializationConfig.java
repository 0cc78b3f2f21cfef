package com.mrmentor.platform.runtime.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The serializer for everything Axon stores (events, snapshots, sagas, tokens, deadlines), with a mapper of its
 * own. Axon would otherwise take Spring's HTTP mapper, which refuses unknown fields (right for requests, wrong for
 * storage): during a rolling upgrade an old node must still read an event that gained an optional field.
 * Dates stay ISO-8601 strings, as before.
 */
@Configuration(proxyBeanMethods = false)
public class AxonSerializationConfig {

    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        ObjectMapper storageMapper = JsonMapper.builder()
                .findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        return JacksonSerializer.builder()
                .objectMapper(storageMapper)
                .revisionResolver(revisionResolver)
                .build();
    }
}
