package org.counterspace.directory;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.counterspace.directory.search.Gazetteer;

/** One fictional service as directory/demo-services.json gives it, in short field names. */
record DemoService(String name, String org, String desc, List<String> cats, List<String> ch, boolean free,
        String fees, String elig, String apply, String access, String age, List<String> langs, String place,
        String street, String postcode, String phone, String text, String url, List<String> hours) {

    ServiceDetails details(Gazetteer.Place at, Organization organization,
            Function<List<String>, Set<TaxonomyTerm>> categories) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        ch.forEach(code -> Channel.fromCode(code).ifPresent(channels::add));
        List<ServiceDetails.PhoneNumber> phones = new ArrayList<>();
        if (phone != null) {
            phones.add(ServiceDetails.PhoneNumber.voice(phone));
        }
        if (text != null) {
            phones.add(ServiceDetails.PhoneNumber.text(text, null));
        }
        List<ServiceDetails.Place> places = !channels.contains(Channel.IN_PERSON) ? List.of()
                : List.of(ServiceDetails.Place.at(Location.physical(organization, name, access, at.point(), street,
                        at.name(), at.region(), postcode, at.country())));
        return ServiceDetails.named(name)
            .about(new About(null, desc, url, null))
            .access(new Access(elig, apply, access, null, null, null, AgeGroup.fromCode(age).orElse(AgeGroup.ALL)))
            .fees(new Fees(fees, free))
            .coverage(new Coverage(at.country(), at.region(), ZoneId.of(at.timeZone()),
                    at.name() + ", " + at.region()))
            .provenance(Provenance.DEMO)
            .channels(channels)
            .phones(phones)
            .openings(hours.stream().map(DemoService::opening).toList())
            .languages(langs.stream().map(language -> language.split(":", 2))
                .map(parts -> ServiceDetails.SpokenLanguage.of(parts[1], parts[0])).toList())
            .places(places)
            .terms(categories.apply(cats))
            .build();
    }

    /** "MO,TU 09:00-17:00" */
    private static ServiceDetails.Opening opening(String line) {
        String[] parts = line.split(" ");
        String[] times = parts[1].split("-");
        return ServiceDetails.Opening.weekly(parts[0], LocalTime.parse(times[0]), LocalTime.parse(times[1]));
    }
}
