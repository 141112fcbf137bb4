package org.counterspace.directory.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.counterspace.directory.Point;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * A small built-in list of the towns and postcode districts the directory covers, so "near me"
 * works from a typed place without sending it to any other site.
 */
@Component
public class Gazetteer {

    static final String RESOURCE = "directory/places.json";

    public record Place(String name, String postcode, String country, String region, String timeZone, double latitude,
            double longitude) {

        public Point point() {
            return new Point(latitude, longitude);
        }
    }

    private final List<Place> places;

    Gazetteer() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            places = List.of(JsonMapper.builder().build().readValue(in, Place[].class));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    public List<Place> places() {
        return places;
    }

    /**
     * A town name ("Leeds"), a postcode district ("LS6") or a full postcode whose district we know
     * ("LS6 2AB", "97205").
     */
    public Optional<Place> find(String input) {
        if (input == null || input.isBlank() || input.length() > 100) {
            return Optional.empty();
        }
        String wanted = input.strip().toUpperCase(Locale.ROOT);
        String compact = wanted.replaceAll("\\s+", "");
        for (Place place : places) {
            if (place.name().toUpperCase(Locale.ROOT).equals(wanted) || place.postcode().equals(compact)) {
                return Optional.of(place);
            }
        }
        String outward = wanted.split("\\s+")[0];
        return places.stream().filter(place -> place.postcode().equals(outward)).findFirst()
            .or(() -> places.stream()
                .filter(place -> compact.length() > 4 && compact.startsWith(place.postcode())
                        && Character.isDigit(compact.charAt(place.postcode().length())))
                .findFirst());
    }
}
