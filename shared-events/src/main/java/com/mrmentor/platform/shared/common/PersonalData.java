package com.mrmentor.platform.shared.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} component of an event as personal data (a name, an e-mail, a phone number). The event store
 * holds it encrypted with the key of the event's {@link DataSubject}; once that person's key is erased the component
 * reads as {@link #ERASED}. Amounts, dates and ids are never personal data here, so erased histories still reconcile.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** What an encrypted component reads as after its subject's key was erased. */
    String ERASED = "[erased]";
}
