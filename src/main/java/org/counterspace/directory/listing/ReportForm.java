package org.counterspace.directory.listing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.counterspace.web.FieldErrorsShown;

/** A problem reported on a listing. */
@FieldErrorsShown
public record ReportForm(@NotBlank(message = "{directory.report.message.required}")
        @Size(max = 2000, message = "{directory.report.message.size}") String message) {
}
