package org.counterspace.directory;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** HSDS service_at_location: a service offered at a location. */
@Entity
@Table(name = "dir_service_at_location")
class ServiceAtLocation {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_id")
    private SupportService service;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id")
    private Location location;

    private String description;

    protected ServiceAtLocation() {
    }

    ServiceAtLocation(UUID id, SupportService service, Location location) {
        this.id = id;
        this.service = service;
        this.location = location;
    }

    UUID getId() {
        return id;
    }

    SupportService getService() {
        return service;
    }

    Location getLocation() {
        return location;
    }

    String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }
}
