package org.counterspace.directory;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An HSDS language a service is offered in ({@code code}: ISO 639-1 or BCP 47). */
@Entity
@Table(name = "dir_language")
public class Language {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_id")
    private SupportService service;

    private String name;

    private String code;

    private String note;

    protected Language() {
    }

    Language(SupportService service, ServiceDetails.SpokenLanguage language) {
        this.id = language.id();
        this.service = service;
        this.name = language.name();
        this.code = language.code();
        this.note = language.note();
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getCode() {
        return code;
    }

    public String getNote() {
        return note;
    }
}
