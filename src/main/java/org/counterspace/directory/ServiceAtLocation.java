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
public class ServiceAtLocation {

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

    ServiceAtLocation(SupportService service, ServiceDetails.Place place) {
        this.id = place.id();
        this.service = service;
        this.location = place.location();
        this.description = place.description();
    }

    public UUID getId() {
        return id;
    }

    public SupportService getService() {
        return service;
    }

    public Location getLocation() {
        return location;
    }

    public String getDescription() {
        return description;
    }
}
