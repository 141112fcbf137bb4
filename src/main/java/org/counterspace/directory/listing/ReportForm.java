package org.counterspace.directory.listing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A problem reported on a listing. */
record ReportForm(@NotBlank(message = "{directory.report.message.required}")
        @Size(max = 2000, message = "{directory.report.message.size}") String message) {
}
