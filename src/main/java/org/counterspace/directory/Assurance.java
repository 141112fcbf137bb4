package org.counterspace.directory;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** When a listing was last checked, and by whom (an email, or null when the source was reviewed as a whole). */
@Embeddable
public record Assurance(@Column(name = "assured_date") LocalDate date, @Column(name = "assurer_email") String assurer) {

    public static final Assurance NEVER = new Assurance(null, null);
}
