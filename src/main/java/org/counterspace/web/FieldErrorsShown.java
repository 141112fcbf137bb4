package org.counterspace.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a form object: its page shows each text field's errors next to the field. A control character
 * in one of its text fields, the kind a paste from another document can carry, then comes back as a
 * form error on that field, with everything typed still there, instead of the 400 page
 * ({@link InputBoundary}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FieldErrorsShown {
}
