package com.mrmentor.platform.command.payments;

import com.mrmentor.platform.shared.payments.IndianStates;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An ISO 3166-2:IN state or union territory code ({@code KA}, {@code MH}, {@code DL}…); null is left to @NotNull. */
@Documented
@Constraint(validatedBy = IndianStateCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IndianStateCode {

    String message() default "must be an Indian state or union territory code (ISO 3166-2:IN, e.g. KA)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the code against {@link IndianStates}. */
    class Validator implements ConstraintValidator<IndianStateCode, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || IndianStates.isValid(value);
        }
    }
}
