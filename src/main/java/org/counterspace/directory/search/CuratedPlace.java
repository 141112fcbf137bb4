package org.counterspace.directory.search;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A place a curator added to the gazetteer: a town it lacks, or a postcode district with its centre. */
@Entity
@Table(name = "dir_place")
public class CuratedPlace {

    @Id
    private UUID id;

    private String name;

    private String region;

    private String country;

    private String postcode;

    private double latitude;

    private double longitude;

    private int population;

    private String addedBy;

    private Instant addedAt;

    protected CuratedPlace() {
    }

    CuratedPlace(Gazetteer.Place place, String addedBy, Instant addedAt) {
        this.id = UUID.randomUUID();
        update(place, addedBy, addedAt);
    }

    void update(Gazetteer.Place place, String addedBy, Instant addedAt) {
        this.name = place.name();
        this.region = place.region();
        this.country = place.country();
        this.postcode = place.postcode();
        this.latitude = place.latitude();
        this.longitude = place.longitude();
        this.population = place.population();
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    Gazetteer.Place place() {
        return new Gazetteer.Place(name, postcode, country, region, null, latitude, longitude, population);
    }

    boolean names(Gazetteer.Place place) {
        return name.equalsIgnoreCase(place.name()) && country.equals(place.country())
                && (region == null ? place.region() == null : region.equalsIgnoreCase(place.region()));
    }
}
