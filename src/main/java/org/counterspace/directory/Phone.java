package org.counterspace.directory;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An HSDS phone of a service. {@code type}: voice, text, fax, cell, video, pager, textphone. */
@Entity
@Table(name = "dir_phone")
class Phone {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_id")
    private SupportService service;

    private String number;

    private String extension;

    private String type;

    private String description;

    private int sortOrder;

    protected Phone() {
    }

    Phone(UUID id, SupportService service, String number, String type, String description, int sortOrder) {
        this.id = id;
        this.service = service;
        this.number = number;
        this.type = type;
        this.description = description;
        this.sortOrder = sortOrder;
    }

    UUID getId() {
        return id;
    }

    String getNumber() {
        return number;
    }

    String getExtension() {
        return extension;
    }

    void setExtension(String extension) {
        this.extension = extension;
    }

    String getType() {
        return type;
    }

    String getDescription() {
        return description;
    }

    String dialable() {
        return dialable(number);
    }

    /** A number as a tel:/sms: link target: digits and a leading plus only. */
    static String dialable(String number) {
        return number.replaceAll("[^0-9+]", "");
    }

    boolean isText() {
        return "text".equals(type);
    }
}
