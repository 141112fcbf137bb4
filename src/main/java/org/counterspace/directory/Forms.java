package org.counterspace.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.counterspace.web.FieldErrorsShown;

/** The small forms of the public directory pages. */
final class Forms {

    private Forms() {
    }

    @FieldErrorsShown
    record ReportForm(@NotBlank(message = "{directory.report.message.required}")
            @Size(max = 2000, message = "{directory.report.message.size}") String message) {
    }

    @FieldErrorsShown
    record SuggestForm(@NotBlank(message = "{directory.suggest.name.required}")
            @Size(max = 300, message = "{directory.suggest.name.size}") String name,
            @Size(max = 500, message = "{directory.suggest.contact.size}") String contact,
            @NotBlank(message = "{directory.suggest.message.required}")
            @Size(max = 2000, message = "{directory.report.message.size}") String message) {
    }

    record NoteForm(@Size(max = 2000, message = "{directory.saved.note.size}") String note) {
    }
}
