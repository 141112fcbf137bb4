package org.counterspace.directory.curation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.counterspace.directory.SupportService;

/** A problem reported on a listing, or a suggested new service, waiting for a curator. */
@Entity
@Table(name = "dir_feedback")
class Feedback {

    static final String REPORT = "report";

    static final String SUGGESTION = "suggestion";

    static final String OPEN = "open";

    static final String RESOLVED = "resolved";

    @Id
    private UUID id;

    private String kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "service_id")
    private SupportService service;

    private String suggestedName;

    private String suggestedContact;

    private String message;

    private String status;

    private Instant createdAt;

    private String resolvedBy;

    private Instant resolvedAt;

    protected Feedback() {
    }

    private Feedback(String kind, SupportService service, String message) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.service = service;
        this.message = message;
        this.status = OPEN;
        this.createdAt = Instant.now();
    }

    static Feedback report(SupportService service, String message) {
        return new Feedback(REPORT, service, message);
    }

    static Feedback suggestion(String name, String contact, String message) {
        Feedback feedback = new Feedback(SUGGESTION, null, message);
        feedback.suggestedName = name;
        feedback.suggestedContact = contact;
        return feedback;
    }

    void resolve(String curator) {
        this.status = RESOLVED;
        this.resolvedBy = curator;
        this.resolvedAt = Instant.now();
    }

    UUID getId() {
        return id;
    }

    String getKind() {
        return kind;
    }

    SupportService getService() {
        return service;
    }

    String getSuggestedName() {
        return suggestedName;
    }

    String getSuggestedContact() {
        return suggestedContact;
    }

    String getMessage() {
        return message;
    }

    String getStatus() {
        return status;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getResolvedBy() {
        return resolvedBy;
    }

    Instant getResolvedAt() {
        return resolvedAt;
    }
}
