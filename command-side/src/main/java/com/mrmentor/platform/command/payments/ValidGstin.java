package com.mrmentor.platform.command.payments;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A GSTIN with a valid format and check character ({@link Gstin}); null (none given) is fine. */
@Documented
@Constraint(validatedBy = ValidGstin.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidGstin {

    String message() default "must be a valid GSTIN (15 characters, correct check character)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks format and check character. */
    class Validator implements ConstraintValidator<ValidGstin, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Gstin.isValid(value);
        }
    }
}
