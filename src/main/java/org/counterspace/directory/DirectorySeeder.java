package org.counterspace.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.counterspace.directory.search.Gazetteer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * First-start data: our categories, the national lines (marked national, with their source page
 * and review date; {@code counterspace.directory.national-lines=false} leaves them out) and a clearly
 * labelled demo set of fictional local services ({@code counterspace.directory.demo=false} leaves it
 * out). Runs only while the directory has no services, so it never duplicates or overwrites a
 * curator's work. Every seeded service, organisation and part has a fixed, name-based id
 * ({@link SeedKey}), the same in every installation.
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

    record DemoFile(String about, List<DemoService> services) {
    }

    private final ServiceRepository services;

    private final OrganizationRepository organizations;

    private final ServiceWriter writer;

    private final TaxonomyRepository taxonomies;

    private final TaxonomyTermRepository terms;

    private final NationalLines nationalLines;

    private final Gazetteer gazetteer;

    private final boolean seedNationalLines;

    private final boolean seedDemo;

    DirectorySeeder(ServiceRepository services, OrganizationRepository organizations, ServiceWriter writer,
            TaxonomyRepository taxonomies, TaxonomyTermRepository terms, NationalLines nationalLines,
            Gazetteer gazetteer, @Value("${counterspace.directory.national-lines:true}") boolean seedNationalLines,
            @Value("${counterspace.directory.demo:true}") boolean seedDemo) {
        this.seedNationalLines = seedNationalLines;
        this.seedDemo = seedDemo;
        this.services = services;
        this.organizations = organizations;
        this.writer = writer;
        this.taxonomies = taxonomies;
        this.terms = terms;
        this.nationalLines = nationalLines;
        this.gazetteer = gazetteer;
    }

    /** First-start data when there are no services yet; true if any were added. */
    @Transactional
    boolean seedIfEmpty() {
        ensureCategories();
        if (services.count() > 0) {
            return false;
        }
        int national = seedNationalLines ? seedNationalLines() : 0;
        int demo = seedDemo ? seedDemo() : 0;
        log.info("Directory seeded with {} national lines and {} demo services", national, demo);
        return national + demo > 0;
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
                String description = TOPIC_DESCRIPTIONS.get(line.topic());
                SeedKey key = SeedKey.nationalLine(region.code(), line.name());
                Organization organization = organizations
                    .save(new Organization(key.id("organization"), line.name(), description));
                writer.create(key.id(), organization, nationalLine(key, region, line),
                        service -> service.assure(nationalLines.reviewed(), null));
                count++;
            }
        }
        return count;
    }

    private ServiceDetails nationalLine(SeedKey key, NationalLines.Region region, NationalLines.Line line) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        List<ServiceDetails.PhoneNumber> phones = new ArrayList<>();
        if (line.phone() != null) {
            phones.add(new ServiceDetails.PhoneNumber(key.id("phone:voice"), line.phone(), "voice", null));
            channels.add(Channel.PHONE);
        }
        if (line.text() != null) {
            phones.add(new ServiceDetails.PhoneNumber(key.id("phone:text"), line.text(), "text",
                    line.textKeyword() == null ? null : "Text " + line.textKeyword()));
            channels.add(Channel.TEXT);
        }
        if (line.chat() != null) {
            channels.add(Channel.CHAT);
        }
        return ServiceDetails.named(line.name())
            .about(new About(null, TOPIC_DESCRIPTIONS.get(line.topic()), line.source(), null))
            .access(Access.forAges("youth".equals(line.topic()) ? AgeGroup.YOUNG_PEOPLE : AgeGroup.ALL))
            .fees(new Fees("Free to contact.", Cost.FREE))
            .coverage(new Coverage(region.code(), null, ZoneId.of(COUNTRY_ZONES.getOrDefault(region.code(), "UTC")),
                    null))
            .provenance(Provenance.nationalLine(line.source()))
            .channels(channels)
            .phones(phones)
            .openings(openings(line.hours()).stream().map(o -> new ServiceDetails.Opening(key.id("opening"),
                    o.byday(), o.opens(), o.closes(), o.description())).toList())
            .languages(List.of(new ServiceDetails.SpokenLanguage(key.id("language:en"), "English", "en", null)))
            .terms(categories(List.of(line.topic())))
            .build();
    }

    /** "24/7", "10am–10pm", "3pm–midnight": every day; anything else stays without hours. */
    static List<ServiceDetails.Opening> openings(String hours) {
        String all = "MO,TU,WE,TH,FR,SA,SU";
        if (hours == null) {
            return List.of();
        }
        if (hours.strip().equals("24/7")) {
            return List.of(ServiceDetails.Opening.weekly(all, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
        }
        Matcher m = HOURS.matcher(hours.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return List.of();
        }
        LocalTime closes = m.group(3).equals("midnight") ? LocalTime.MIDNIGHT
                : LocalTime.of(hour(m.group(3).replaceAll("\\D", ""), m.group(3).replaceAll("\\d", "")), 0);
        return List.of(ServiceDetails.Opening.weekly(all, LocalTime.of(hour(m.group(1), m.group(2)), 0), closes));
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
        Map<String, Organization> byName = new HashMap<>();
        for (DemoService demo : file.services()) {
            Gazetteer.Place place = gazetteer.district(demo.place())
                .orElseThrow(() -> new IllegalStateException("Demo place not in gazetteer: " + demo.place()));
            Organization organization = byName.computeIfAbsent(demo.org(), name -> organizations
                .save(new Organization(Categories.id("demo-organization:" + name), name,
                        "Demo organisation (fictional).")));
            writer.create(SeedKey.demo(demo.name()).id(), organization,
                    demo.details(place, organization, this::categories));
        }
        return file.services().size();
    }

    private Set<TaxonomyTerm> categories(List<String> codes) {
        Set<TaxonomyTerm> found = new LinkedHashSet<>();
        codes.forEach(code -> terms.findById(Categories.termId(code)).ifPresent(found::add));
        return found;
    }
}
