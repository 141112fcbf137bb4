package org.counterspace.directory;

import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Everything a service says about itself, in one value: the one way a service is filled, whether the
 * HSDS importer, the demo seeder or a curator's form describes it (see {@link ServiceWriter}). Parts
 * keep the ids they are given, so a re-import updates the same phones, hours and places.
 */
public record ServiceDetails(String name, About about, Access access, Fees fees, Coverage coverage,
        Provenance provenance, Set<Channel> channels, List<PhoneNumber> phones, List<Opening> openings,
        List<SpokenLanguage> languages, List<Place> places, Set<TaxonomyTerm> terms) {

    /** An HSDS phone: {@code type} voice, text, fax, cell, video, pager or textphone. */
    public record PhoneNumber(UUID id, String number, String type, String description) {

        public static PhoneNumber voice(String number) {
            return new PhoneNumber(UUID.randomUUID(), number, "voice", null);
        }

        public static PhoneNumber text(String number, String description) {
            return new PhoneNumber(UUID.randomUUID(), number, "text", description);
        }
    }

    /** A weekly opening on the days of {@code byday} (RFC 5545 codes, e.g. "MO,TU"), in the service's zone. */
    public record Opening(UUID id, String byday, LocalTime opens, LocalTime closes, String description) {

        public static Opening weekly(String byday, LocalTime opens, LocalTime closes) {
            return new Opening(UUID.randomUUID(), byday, opens, closes, null);
        }
    }

    public record SpokenLanguage(UUID id, String name, String code, String note) {

        public static SpokenLanguage of(String name, String code) {
            return new SpokenLanguage(UUID.randomUUID(), name, code, null);
        }
    }

    /** The service at a location (HSDS service_at_location); {@code id} is that link's id. */
    public record Place(UUID id, Location location, String description) {

        public static Place at(Location location) {
            return new Place(UUID.randomUUID(), location, null);
        }
    }

    /** Details with this name and nothing else said yet: anyone, no fees known, in the UK, local. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Fills in details a part at a time; what is not set keeps the defaults of {@link #named}. */
    public static final class Builder {

        private final String name;

        private About about = About.NOTHING;

        private Access access = Access.ANYONE;

        private Fees fees = Fees.UNKNOWN;

        private Coverage coverage = Coverage.UNITED_KINGDOM;

        private Provenance provenance = Provenance.LOCAL;

        private Set<Channel> channels = EnumSet.noneOf(Channel.class);

        private List<PhoneNumber> phones = List.of();

        private List<Opening> openings = List.of();

        private List<SpokenLanguage> languages = List.of();

        private List<Place> places = List.of();

        private Set<TaxonomyTerm> terms = Set.of();

        private Builder(String name) {
            this.name = name;
        }

        public Builder about(About value) {
            this.about = value;
            return this;
        }

        public Builder access(Access value) {
            this.access = value;
            return this;
        }

        public Builder fees(Fees value) {
            this.fees = value;
            return this;
        }

        public Builder coverage(Coverage value) {
            this.coverage = value;
            return this;
        }

        public Builder provenance(Provenance value) {
            this.provenance = value;
            return this;
        }

        public Builder channels(Set<Channel> value) {
            this.channels = value;
            return this;
        }

        public Builder phones(List<PhoneNumber> value) {
            this.phones = value;
            return this;
        }

        public Builder openings(List<Opening> value) {
            this.openings = value;
            return this;
        }

        public Builder languages(List<SpokenLanguage> value) {
            this.languages = value;
            return this;
        }

        public Builder places(List<Place> value) {
            this.places = value;
            return this;
        }

        public Builder terms(Set<TaxonomyTerm> value) {
            this.terms = value;
            return this;
        }

        public ServiceDetails build() {
            return new ServiceDetails(name, about, access, fees, coverage, provenance,
                    channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels), List.copyOf(phones),
                    List.copyOf(openings), List.copyOf(languages), List.copyOf(places),
                    Collections.unmodifiableSet(new LinkedHashSet<>(terms)));
        }
    }
}
