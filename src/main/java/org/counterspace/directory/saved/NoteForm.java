package org.counterspace.directory.saved;

import jakarta.validation.constraints.Size;

/** The private note on a saved service. */
record NoteForm(@Size(max = 2000, message = "{directory.saved.note.size}") String note) {
}
