package org.counterspace.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * First-start data: our categories, the national lines (marked national, with their source page
 * and review date) and a clearly labelled demo set of fictional local services. Runs only while
 * the directory has no services, so it never duplicates or overwrites a curator's work.
 */
@Component
class DirectorySeeder {

    static final String DEMO_RESOURCE = "directory/demo-services.json";

    private static final Logger log = LoggerFactory.getLogger(DirectorySeeder.class);

    private static final Map<String, String> COUNTRY_ZONES = Map.of("GB", "Europe/London", "IE", "Europe/Dublin",
            "US", "America/New_York", "CA", "America/Toronto", "AU", "Australia/Sydney");

    private static final Map<String, String> TOPIC_DESCRIPTIONS = Map.of(
            "crisis", "A national line for anyone struggling to cope or in crisis. Confidential.",
            "domestic-abuse", "A national line for anyone experiencing domestic abuse, and people worried about someone.",
            "youth", "A national line for children and young people, about anything that worries them.",
            "lgbtq", "A national line for LGBTQ+ people, run by people who understand.");

    private static final Pattern HOURS = Pattern.compile("(\\d{1,2})(am|pm)\\s*[–-]\\s*(\\d{1,2}(?:am|pm)|midnight)");

    record DemoService(String name, String org, String desc, List<String> cats, List<String> ch, boolean free,
            String fees, String elig, String apply, String access, String age, List<String> langs, String place,
            String street, String postcode, String phone, String text, String url, List<String> hours) {
    }

    record DemoFile(String about, List<DemoService> services) {
    }

    private final ServiceRepository services;

    private final OrganizationRepository organizations;

    private final LocationRepository locations;

    private final TaxonomyRepository taxonomies;

    private final TaxonomyTermRepository terms;

    private final NationalLines nationalLines;

    private final Gazetteer gazetteer;

    DirectorySeeder(ServiceRepository services, OrganizationRepository organizations, LocationRepository locations,
            TaxonomyRepository taxonomies, TaxonomyTermRepository terms, NationalLines nationalLines,
            Gazetteer gazetteer) {
        this.services = services;
        this.organizations = organizations;
        this.locations = locations;
        this.taxonomies = taxonomies;
        this.terms = terms;
        this.nationalLines = nationalLines;
        this.gazetteer = gazetteer;
    }

    @Transactional
    void seedIfEmpty() {
        ensureCategories();
        if (services.count() > 0) {
            return;
        }
        int national = seedNationalLines();
        int demo = seedDemo();
        log.info("Directory seeded with {} national lines and {} demo services", national, demo);
    }

    /** Our taxonomy exists in every installation, also where data was imported before the first start. */
    void ensureCategories() {
        if (taxonomies.existsById(Categories.TAXONOMY_ID)) {
            return;
        }
        Taxonomy taxonomy = taxonomies.save(new Taxonomy(Categories.TAXONOMY_ID, Categories.TAXONOMY_NAME,
                Categories.TAXONOMY_DESCRIPTION, null, "1"));
        for (Categories.Category category : Categories.ALL) {
            terms.save(new TaxonomyTerm(category.id(), taxonomy, null, category.code(), category.name(),
                    category.description()));
        }
    }

    private int seedNationalLines() {
        int count = 0;
        for (NationalLines.Region region : nationalLines.regions()) {
            for (NationalLines.Line line : region.lines()) {
                Organization organization = organizations
                    .save(new Organization(UUID.randomUUID(), line.name(), TOPIC_DESCRIPTIONS.get(line.topic())));
                SupportService service = new SupportService(UUID.randomUUID(), organization, line.name());
                service.setDescription(TOPIC_DESCRIPTIONS.get(line.topic()));
                service.setNational(true);
                service.setSource(line.source());
                service.setUrl(line.source());
                service.setFree(true);
                service.setFeesDescription("Free to contact.");
                service.setCountry(region.code());
                service.setTimeZone(ZoneId.of(COUNTRY_ZONES.getOrDefault(region.code(), "UTC")));
                service.setAgeGroup("youth".equals(line.topic()) ? AgeGroup.YOUNG_PEOPLE : AgeGroup.ALL);
                service.assure(nationalLines.reviewed(), null);
                Set<Channel> channels = EnumSet.noneOf(Channel.class);
                if (line.phone() != null) {
                    service.addPhone(UUID.randomUUID(), line.phone(), "voice", null);
                    channels.add(Channel.PHONE);
                }
                if (line.text() != null) {
                    String keyword = line.textKeyword() == null ? null : "Text " + line.textKeyword();
                    service.addPhone(UUID.randomUUID(), line.text(), "text", keyword);
                    channels.add(Channel.TEXT);
                }
                service.setChannels(channels);
                addHours(service, line.hours());
                terms.findById(Categories.termId(line.topic())).ifPresent(service.getTerms()::add);
                service.addLanguage(UUID.randomUUID(), "English", "en");
                services.save(service);
                count++;
            }
        }
        return count;
    }

    /** "24/7", "10am–10pm", "3pm–midnight": every day; anything else stays without hours. */
    static void addHours(SupportService service, String hours) {
        String all = "MO,TU,WE,TH,FR,SA,SU";
        if (hours == null) {
            return;
        }
        if (hours.strip().equals("24/7")) {
            service.addSchedule(UUID.randomUUID(), all, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
            return;
        }
        Matcher m = HOURS.matcher(hours.strip().toLowerCase(java.util.Locale.ROOT));
        if (m.matches()) {
            service.addSchedule(UUID.randomUUID(), all, LocalTime.of(hour(m.group(1), m.group(2)), 0),
                    m.group(3).equals("midnight") ? LocalTime.MIDNIGHT
                            : LocalTime.of(hour(m.group(3).replaceAll("\\D", ""), m.group(3).replaceAll("\\d", "")),
                                    0));
        }
    }

    private static int hour(String number, String half) {
        int hour = Integer.parseInt(number) % 12;
        return "pm".equals(half) ? hour + 12 : hour;
    }

    private int seedDemo() {
        DemoFile file;
        try (InputStream in = new ClassPathResource(DEMO_RESOURCE).getInputStream()) {
            file = JsonMapper.builder().build().readValue(in, DemoFile.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEMO_RESOURCE, e);
        }
        Map<String, Organization> byName = new java.util.HashMap<>();
        for (DemoService demo : file.services()) {
            Gazetteer.Place place = gazetteer.find(demo.place())
                .orElseThrow(() -> new IllegalStateException("Demo place not in gazetteer: " + demo.place()));
            Organization organization = byName.computeIfAbsent(demo.org(), name -> organizations
                .save(new Organization(UUID.randomUUID(), name, "Demo organisation (fictional).")));
            SupportService service = new SupportService(UUID.randomUUID(), organization, demo.name());
            service.setDemo(true);
            service.setDescription(demo.desc());
            service.setFree(demo.free());
            service.setFeesDescription(demo.fees());
            service.setEligibilityDescription(demo.elig());
            service.setApplicationProcess(demo.apply());
            service.setAccessibility(demo.access());
            service.setAgeGroup(AgeGroup.fromCode(demo.age()).orElse(AgeGroup.ALL));
            service.setCountry(place.country());
            service.setRegion(place.region());
            service.setTimeZone(ZoneId.of(place.timeZone()));
            service.setServiceArea(place.name() + ", " + place.region());
            service.setUrl(demo.url());
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            demo.ch().forEach(code -> Channel.fromCode(code).ifPresent(channels::add));
            service.setChannels(channels);
            if (demo.phone() != null) {
                service.addPhone(UUID.randomUUID(), demo.phone(), "voice", null);
            }
            if (demo.text() != null) {
                service.addPhone(UUID.randomUUID(), demo.text(), "text", null);
            }
            for (String language : demo.langs()) {
                String[] parts = language.split(":", 2);
                service.addLanguage(UUID.randomUUID(), parts[1], parts[0]);
            }
            for (String opening : demo.hours()) {
                String[] parts = opening.split(" ");
                String[] times = parts[1].split("-");
                service.addSchedule(UUID.randomUUID(), parts[0], LocalTime.parse(times[0]), LocalTime.parse(times[1]));
            }
            demo.cats().forEach(code -> terms.findById(Categories.termId(code)).ifPresent(service.getTerms()::add));
            if (channels.contains(Channel.IN_PERSON)) {
                Location location = new Location(UUID.randomUUID(), organization, "physical");
                location.setName(demo.name());
                location.setAccessibility(demo.access());
                location.setCoordinates(place.latitude(), place.longitude());
                location.addAddress(UUID.randomUUID(), demo.street(), place.name(), place.region(), demo.postcode(),
                        place.country());
                locations.save(location);
                service.addLocation(UUID.randomUUID(), location);
            }
            services.save(service);
        }
        return file.services().size();
    }
}
