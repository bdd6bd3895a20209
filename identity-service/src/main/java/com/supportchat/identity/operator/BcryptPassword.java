package com.supportchat.identity.operator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A password BCrypt can hash: at most {@value #MAX_BYTES} bytes in UTF-8. BCrypt reads no further, and
 * Spring Security's encoder refuses longer input with an exception (a 500) rather than silently ignoring
 * the rest; a limit in characters would let multi-byte passwords through. A null passes ({@code @NotBlank}
 * says whether one is required).
 */
@Documented
@Constraint(validatedBy = BcryptPassword.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface BcryptPassword {

    int MAX_BYTES = 72;

    String message() default "must be at most " + MAX_BYTES + " bytes in UTF-8";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the UTF-8 length. */
    class Validator implements ConstraintValidator<BcryptPassword, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || fits(value);
        }

        static boolean fits(String password) {
            return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }
    }
}
