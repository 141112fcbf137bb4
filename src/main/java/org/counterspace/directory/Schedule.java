package org.counterspace.directory;

import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A weekly opening of a service, in the service's own time zone: on each day in {@code byday}
 * (RFC 5545 codes, e.g. "MO,TU") from {@code opensAt} to {@code closesAt}. A closing time at or
 * before the opening time runs past midnight into the next day (00:00–00:00 is the whole day).
 */
@Entity
@Table(name = "dir_schedule")
class Schedule {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_id")
    private SupportService service;

    private String byday;

    private LocalTime opensAt;

    private LocalTime closesAt;

    private String description;

    protected Schedule() {
    }

    Schedule(UUID id, SupportService service, String byday, LocalTime opensAt, LocalTime closesAt) {
        this.id = id;
        this.service = service;
        this.byday = byday;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    UUID getId() {
        return id;
    }

    String getByday() {
        return byday;
    }

    LocalTime getOpensAt() {
        return opensAt;
    }

    LocalTime getClosesAt() {
        return closesAt;
    }

    String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }
}
