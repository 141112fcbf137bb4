package org.counterspace.directory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change a curator (or an import) made to the directory. */
@Entity
@Table(name = "dir_audit")
public class AuditEntry {

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

    public AuditEntry(String actor, String action, String entityType, UUID entityId, String summary) {
        this.id = UUID.randomUUID();
        this.changedAt = Instant.now();
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.summary = summary.length() > 1000 ? summary.substring(0, 1000) : summary;
    }

    public UUID getId() {
        return id;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public UUID getEntityId() {
        return entityId;
    }

    public String getSummary() {
        return summary;
    }
}
