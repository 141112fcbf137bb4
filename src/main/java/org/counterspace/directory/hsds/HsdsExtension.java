package org.counterspace.directory.hsds;

import static org.counterspace.directory.hsds.HsdsJson.cut;
import static org.counterspace.directory.hsds.HsdsJson.text;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.counterspace.directory.AgeGroup;
import org.counterspace.directory.Channel;
import org.counterspace.directory.Cost;
import org.counterspace.directory.Provenance;
import org.counterspace.directory.SupportService;

import tools.jackson.databind.JsonNode;

/**
 * Our own fields in a record's {@code x_counterspace} object, when the file came from a Counterspace
 * export. Those HSDS has no place for (national, demo, source, age group, region, accessibility) keep
 * the {@code current} service's values (or a new one's) when a record has no such object; the others
 * (cost, channels, country, time zone) replace what the HSDS fields gave only where the object says them.
 */
record HsdsExtension(JsonNode x, SupportService current) {

    static HsdsExtension of(JsonNode record, SupportService current) {
        return new HsdsExtension(record.path(HsdsMapper.EXTENSION), current);
    }

    private boolean given() {
        return x.isObject();
    }

    /** The source becomes a link on the service page, so only an http(s) address is kept. */
    Provenance provenance(List<String> warnings) {
        if (!given()) {
            return current == null ? Provenance.LOCAL : current.provenance();
        }
        return new Provenance(x.path("national").asBoolean(false), x.path("demo").asBoolean(false),
                HsdsJson.webAddress(x, "source", warnings));
    }

    AgeGroup ageGroup() {
        AgeGroup kept = current == null ? AgeGroup.ALL : current.access().ageGroup();
        return given() ? AgeGroup.fromCode(text(x, "age_group")).orElse(kept) : kept;
    }

    String region() {
        return given() ? cut(text(x, "region"), 100) : current == null ? null : current.coverage().region();
    }

    String accessibility() {
        return given() ? cut(text(x, "accessibility"), 1000)
                : current == null ? null : current.access().accessibility();
    }

    /** The cost said: {@code cost} ("free", "paid", "unknown"), or an older export's {@code free: true}; else null. */
    Cost cost() {
        if (!given()) {
            return null;
        }
        if (x.has("cost")) {
            return Cost.fromCode(text(x, "cost")).orElse(null);
        }
        return x.path("free").asBoolean(false) ? Cost.FREE : null;
    }

    Set<Channel> channels(Set<Channel> found) {
        if (!given() || !x.path("channels").isArray()) {
            return found;
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        x.path("channels").forEach(c -> Channel.fromCode(c.asString()).ifPresent(channels::add));
        return channels;
    }

    String country(String found) {
        String country = given() ? text(x, "country") : null;
        return country != null && country.matches("[A-Z]{2}") ? country : found;
    }

    /** The time zone named, as given (see HsdsZones). */
    String timeZone() {
        return given() ? text(x, "time_zone") : null;
    }

    /** Who checked the listing, where HSDS's assurer_email is meant for an email only. */
    String assuredBy() {
        return given() ? cut(text(x, "assured_by"), 300) : null;
    }
}
