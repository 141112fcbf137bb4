package org.counterspace.checkin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.counterspace.web.FieldErrorsShown;

/** A new counter-environment: its kind (as sent) and its name. */
@FieldErrorsShown
public record EnvironmentForm(
        @NotNull(message = "{checkin.error.kind}") @Pattern(regexp = "SPACE|PERSON|PRACTICE", message = "{checkin.error.kind}") String kind,
        @NotBlank(message = "{checkin.error.name.required}") @Size(max = CounterEnvironment.NAME_MAX, message = "{checkin.error.name.size}")
        @Pattern(regexp = "[^;]*", message = "{checkin.error.name.semicolon}") String name) {

    EnvironmentKind environmentKind() {
        return EnvironmentKind.valueOf(kind);
    }

    public boolean isKind(EnvironmentKind candidate) {
        return candidate.name().equals(kind);
    }
}
