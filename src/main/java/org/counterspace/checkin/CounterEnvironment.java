package org.counterspace.checkin;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A space, person or practice that gives a person some distance from home. Archived ones keep their history. */
@Entity
@Table(name = "counter_environment")
public class CounterEnvironment {

    static final int NAME_MAX = 80;

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnvironmentKind kind;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(nullable = false)
    private boolean archived;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CounterEnvironment() {
    }

    CounterEnvironment(UUID accountId, EnvironmentKind kind, String name, int position) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.kind = kind;
        this.name = name;
        this.position = position;
        this.createdAt = Instant.now();
    }

    /**
     * An environment as read for showing ({@link CheckInService#environments}): not managed by the ORM, and
     * without the moment it was added, which no page shows.
     */
    static CounterEnvironment copyOf(UUID id, UUID accountId, EnvironmentKind kind, String name, boolean archived,
            int position) {
        CounterEnvironment copy = new CounterEnvironment();
        copy.id = id;
        copy.accountId = accountId;
        copy.kind = kind;
        copy.name = name;
        copy.archived = archived;
        copy.position = position;
        return copy;
    }

    public UUID getId() {
        return id;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public EnvironmentKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public boolean isArchived() {
        return archived;
    }

    public int getPosition() {
        return position;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void setArchived(boolean archived) {
        this.archived = archived;
    }
}
