package org.counterspace.checkin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A form's text answer that must be a value of the scale ({@link Scale#read}); missing or empty is not. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OnScale.Validator.class)
@interface OnScale {

    Scale value();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OnScale, String> {

        private Scale scale;

        @Override
        public void initialize(OnScale constraint) {
            this.scale = constraint.value();
        }

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return scale.read(text).isPresent();
        }
    }
}
