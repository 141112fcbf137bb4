package org.counterspace.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/** An HSDS location: a physical place (with an address and coordinates) or a virtual one. */
@Entity
@Table(name = "dir_location")
class Location {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    /** HSDS: physical, postal or virtual. */
    private String locationType;

    private String name;

    private String description;

    private String accessibility;

    private Double latitude;

    private Double longitude;

    @OneToMany(mappedBy = "location", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Address> addresses = new ArrayList<>();

    protected Location() {
    }

    Location(UUID id, Organization organization, String locationType) {
        this.id = id;
        this.organization = organization;
        this.locationType = locationType;
    }

    UUID getId() {
        return id;
    }

    Organization getOrganization() {
        return organization;
    }

    String getLocationType() {
        return locationType;
    }

    void setLocationType(String locationType) {
        this.locationType = locationType;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }

    String getAccessibility() {
        return accessibility;
    }

    void setAccessibility(String accessibility) {
        this.accessibility = accessibility;
    }

    Double getLatitude() {
        return latitude;
    }

    Double getLongitude() {
        return longitude;
    }

    void setCoordinates(Double latitude, Double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
    }

    boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }

    List<Address> getAddresses() {
        return addresses;
    }

    Address addAddress(UUID addressId, String address1, String city, String stateProvince, String postalCode,
            String country) {
        Address address = new Address(addressId, this, address1, city, stateProvince, postalCode, country);
        addresses.add(address);
        return address;
    }
}
