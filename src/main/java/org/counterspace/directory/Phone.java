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
public class Phone {

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

    Phone(SupportService service, ServiceDetails.PhoneNumber phone, int sortOrder) {
        this.id = phone.id();
        this.service = service;
        this.number = phone.number();
        this.type = phone.type();
        this.description = phone.description();
        this.sortOrder = sortOrder;
    }

    public UUID getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getExtension() {
        return extension;
    }

    public void setExtension(String extension) {
        this.extension = extension;
    }

    public String getType() {
        return type;
    }

    public String getDescription() {
        return description;
    }

    public String dialable() {
        return dialable(number);
    }

    /** A number as a tel:/sms: link target: digits and a leading plus only. */
    public static String dialable(String number) {
        return number.replaceAll("[^0-9+]", "");
    }

    public boolean isText() {
        return "text".equals(type);
    }
}
