package org.counterspace.directory.saved;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.counterspace.directory.SupportService;

/** A service a person keeps in "My outside support", with a note only they see. */
@Entity
@Table(name = "dir_bookmark")
class Bookmark {

    @Id
    private UUID id;

    private UUID accountId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_id")
    private SupportService service;

    private String note;

    private Instant createdAt;

    protected Bookmark() {
    }

    Bookmark(UUID accountId, SupportService service, String note) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.service = service;
        this.note = note;
        this.createdAt = Instant.now();
    }

    UUID getId() {
        return id;
    }

    UUID getAccountId() {
        return accountId;
    }

    SupportService getService() {
        return service;
    }

    String getNote() {
        return note;
    }

    void setNote(String note) {
        this.note = note;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
