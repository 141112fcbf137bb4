package org.counterspace.directory.listing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.counterspace.web.FieldErrorsShown;

/** A service someone suggests for the directory. */
@FieldErrorsShown
public record SuggestForm(@NotBlank(message = "{directory.suggest.name.required}")
        @Size(max = 300, message = "{directory.suggest.name.size}") String name,
        @Size(max = 500, message = "{directory.suggest.contact.size}") String contact,
        @NotBlank(message = "{directory.suggest.message.required}")
        @Size(max = 2000, message = "{directory.report.message.size}") String message) {
}
