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
class Language {

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

    Language(UUID id, SupportService service, String name, String code) {
        this.id = id;
        this.service = service;
        this.name = name;
        this.code = code;
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getCode() {
        return code;
    }

    String getNote() {
        return note;
    }

    void setNote(String note) {
        this.note = note;
    }
}
