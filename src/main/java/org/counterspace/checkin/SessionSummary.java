package org.counterspace.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A period a person marked as taken to a therapy session; the next summary starts the day after. */
@Entity
@Table(name = "session_summary")
class SessionSummary {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "period_from", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    private LocalDate periodTo;

    @Column(name = "marked_at", nullable = false)
    private Instant markedAt;

    protected SessionSummary() {
    }

    SessionSummary(UUID accountId, LocalDate periodFrom, LocalDate periodTo, Instant markedAt) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.markedAt = markedAt;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }
}
