package org.counterspace.directory;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An HSDS address of a location. */
@Entity
@Table(name = "dir_address")
public class Address {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id")
    private Location location;

    @Column(name = "address_1")
    private String address1;

    @Column(name = "address_2")
    private String address2;

    private String city;

    private String region;

    private String stateProvince;

    private String postalCode;

    private String country;

    /** HSDS: physical, postal or virtual. */
    private String addressType;

    protected Address() {
    }

    Address(UUID id, Location location, String address1, String city, String stateProvince, String postalCode,
            String country) {
        this.id = id;
        this.location = location;
        this.addressType = "physical";
        moveTo(address1, city, stateProvince, postalCode, country);
    }

    void moveTo(String address1, String city, String stateProvince, String postalCode, String country) {
        this.address1 = address1;
        this.city = city;
        this.stateProvince = stateProvince;
        this.postalCode = postalCode;
        this.country = country;
    }

    public UUID getId() {
        return id;
    }

    public Location getLocation() {
        return location;
    }

    public String getAddress1() {
        return address1;
    }

    public String getAddress2() {
        return address2;
    }

    public void setAddress2(String address2) {
        this.address2 = address2;
    }

    public String getCity() {
        return city;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getStateProvince() {
        return stateProvince;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCountry() {
        return country;
    }

    public String getAddressType() {
        return addressType;
    }

    public void setAddressType(String addressType) {
        this.addressType = addressType;
    }

    /** One line for a page: street, town, postcode. */
    public String oneLine() {
        StringBuilder line = new StringBuilder(address1);
        if (address2 != null && !address2.isBlank()) {
            line.append(", ").append(address2);
        }
        return line.append(", ").append(city).append(' ').append(postalCode).toString();
    }
}
