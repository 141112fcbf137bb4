package org.counterspace.directory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change a curator (or an import) made to the directory. */
@Entity
@Table(name = "dir_audit")
class AuditEntry {

    @Id
    private UUID id;

    private Instant changedAt;

    private String actor;

    private String action;

    private String entityType;

    private UUID entityId;

    private String summary;

    protected AuditEntry() {
    }

    AuditEntry(String actor, String action, String entityType, UUID entityId, String summary) {
        this.id = UUID.randomUUID();
        this.changedAt = Instant.now();
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.summary = summary.length() > 1000 ? summary.substring(0, 1000) : summary;
    }

    UUID getId() {
        return id;
    }

    Instant getChangedAt() {
        return changedAt;
    }

    String getActor() {
        return actor;
    }

    String getAction() {
        return action;
    }

    String getEntityType() {
        return entityType;
    }

    UUID getEntityId() {
        return entityId;
    }

    String getSummary() {
        return summary;
    }
}
