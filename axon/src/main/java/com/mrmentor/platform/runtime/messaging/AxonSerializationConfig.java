package com.mrmentor.platform.runtime.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mrmentor.platform.runtime.privacy.PersonalDataCipher;
import com.mrmentor.platform.runtime.privacy.PersonalDataJacksonModule;
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
 * Dates stay ISO-8601 strings, as before. Personal data is encrypted here, and only here
 * ({@link PersonalDataJacksonModule}): the module is created for this mapper, not published as a bean, because Spring
 * Boot would install a {@code Module} bean into the HTTP mapper too.
 */
@Configuration(proxyBeanMethods = false)
public class AxonSerializationConfig {

    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver, PersonalDataCipher personalDataCipher) {
        ObjectMapper storageMapper = JsonMapper.builder()
                .findAndAddModules()
                .addModule(new PersonalDataJacksonModule(personalDataCipher))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        return JacksonSerializer.builder()
                .objectMapper(storageMapper)
                .revisionResolver(revisionResolver)
                .build();
    }
}
