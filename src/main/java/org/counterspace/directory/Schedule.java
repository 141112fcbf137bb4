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
public class Schedule {

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

    Schedule(SupportService service, ServiceDetails.Opening opening) {
        this.id = opening.id();
        this.service = service;
        this.byday = opening.byday();
        this.opensAt = opening.opens();
        this.closesAt = opening.closes();
        this.description = opening.description();
    }

    public UUID getId() {
        return id;
    }

    public String getByday() {
        return byday;
    }

    public LocalTime getOpensAt() {
        return opensAt;
    }

    public LocalTime getClosesAt() {
        return closesAt;
    }

    public String getDescription() {
        return description;
    }
}
