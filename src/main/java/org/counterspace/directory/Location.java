package org.counterspace.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
public class Location {

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

    public Location(UUID id, Organization organization, String locationType) {
        this.id = id;
        this.organization = organization;
        this.locationType = locationType;
    }

    public UUID getId() {
        return id;
    }

    public Organization getOrganization() {
        return organization;
    }

    public String getLocationType() {
        return locationType;
    }

    public void setLocationType(String locationType) {
        this.locationType = locationType;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getAccessibility() {
        return accessibility;
    }

    public void setAccessibility(String accessibility) {
        this.accessibility = accessibility;
    }

    public Double getLatitude() {
        return latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setCoordinates(Double latitude, Double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
    }

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }

    public List<Address> getAddresses() {
        return addresses;
    }

    /** A physical place with one street address and, when known, its coordinates; both with the ids given. */
    public static Location physical(UUID id, UUID addressId, Organization organization, String name,
            String accessibility, Point point, String street, String city, String region, String postcode,
            String country) {
        Location location = new Location(id, organization, "physical");
        location.setName(name);
        location.setAccessibility(accessibility);
        if (point != null) {
            location.setCoordinates(point.latitude(), point.longitude());
        }
        location.addAddress(addressId, street, city, region, postcode, country);
        return location;
    }

    /**
     * The address with this id, changed in place when the location has it, else added. In place,
     * because removing an address and adding one with the same id in one flush would clash.
     */
    public Address putAddress(UUID addressId, String address1, String city, String stateProvince, String postalCode,
            String country) {
        for (Address address : addresses) {
            if (address.getId().equals(addressId)) {
                address.moveTo(address1, city, stateProvince, postalCode, country);
                return address;
            }
        }
        return addAddress(addressId, address1, city, stateProvince, postalCode, country);
    }

    /** Removes the addresses whose ids are not among {@code kept}. */
    public void keepAddresses(Set<UUID> kept) {
        addresses.removeIf(address -> !kept.contains(address.getId()));
    }

    public Address addAddress(UUID addressId, String address1, String city, String stateProvince, String postalCode,
            String country) {
        Address address = new Address(addressId, this, address1, city, stateProvince, postalCode, country);
        addresses.add(address);
        return address;
    }
}
