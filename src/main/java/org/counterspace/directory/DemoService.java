package org.counterspace.directory;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.counterspace.directory.search.Gazetteer;

/** One fictional service as directory/demo-services.json gives it, in short field names. */
record DemoService(String name, String org, String desc, List<String> cats, List<String> ch, boolean free,
        String fees, String elig, String apply, String access, String age, List<String> langs, String place,
        String street, String postcode, String phone, String text, String url, List<String> hours) {

    /** Its fixed ids come from its name: {@link SeedKey#demo}. */
    ServiceDetails details(Gazetteer.Place at, Organization organization,
            Function<List<String>, Set<TaxonomyTerm>> categories) {
        SeedKey key = SeedKey.demo(name);
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        ch.forEach(code -> Channel.fromCode(code).ifPresent(channels::add));
        List<ServiceDetails.PhoneNumber> phones = new ArrayList<>();
        if (phone != null) {
            phones.add(new ServiceDetails.PhoneNumber(key.id("phone:voice"), phone, "voice", null));
        }
        if (text != null) {
            phones.add(new ServiceDetails.PhoneNumber(key.id("phone:text"), text, "text", null));
        }
        List<ServiceDetails.Place> places = !channels.contains(Channel.IN_PERSON) ? List.of()
                : List.of(new ServiceDetails.Place(key.id("place"),
                        Location.physical(key.id("location"), key.id("address"), organization, name, access,
                                at.point(), street, at.name(), at.region(), postcode, at.country()), null));
        List<ServiceDetails.Opening> openings = new ArrayList<>();
        for (String line : hours) {
            openings.add(opening(key.id("opening:" + openings.size()), line));
        }
        return ServiceDetails.named(name)
            .about(new About(null, desc, url, null))
            .access(new Access(elig, apply, access, null, null, null, AgeGroup.fromCode(age).orElse(AgeGroup.ALL)))
            .fees(new Fees(fees, free ? Cost.FREE : Cost.ofFeeText(fees)))
            .coverage(new Coverage(at.country(), at.region(), ZoneId.of(at.timeZone()),
                    at.name() + ", " + at.region()))
            .provenance(Provenance.DEMO)
            .channels(channels)
            .phones(phones)
            .openings(openings)
            .languages(langs.stream().map(language -> language.split(":", 2))
                .map(parts -> new ServiceDetails.SpokenLanguage(key.id("language:" + parts[0]), parts[1], parts[0],
                        null))
                .toList())
            .places(places)
            .terms(categories.apply(cats))
            .build();
    }

    /** "MO,TU 09:00-17:00" */
    private static ServiceDetails.Opening opening(UUID id, String line) {
        String[] parts = line.split(" ");
        String[] times = parts[1].split("-");
        return new ServiceDetails.Opening(id, parts[0], LocalTime.parse(times[0]), LocalTime.parse(times[1]), null);
    }
}
