package org.counterspace.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.counterspace.directory.AgeGroup;
import org.counterspace.directory.Channel;
import org.counterspace.directory.Point;
import org.counterspace.directory.listing.DirectoryPages;
import org.counterspace.directory.listing.ServiceView;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** Relevance, filters and facets over the seeded directory (national lines and demo services). */
@SpringBootTest
@AutoConfigureMockMvc
class DirectorySearchTests {

    /** A Wednesday, 12:00 in London (UTC in winter). */
    static final Instant WEDNESDAY_NOON_LONDON = Instant.parse("2026-11-25T12:00:00Z");

    @Autowired
    DirectorySearch search;

    @Autowired
    Gazetteer gazetteer;

    @Autowired
    DirectoryPages pages;

    @Autowired
    MessageSource messages;

    @Autowired
    DirectoryIndex index;

    List<String> names(SearchQuery query) {
        return search.search(query).hits().stream().map(ServiceCard::name).toList();
    }

    SearchQuery text(String text) {
        return SearchQuery.text(text, WEDNESDAY_NOON_LONDON);
    }

    static Stream<Arguments> realisticQueries() {
        return Stream.of(
                Arguments.of("free counselling leeds", "Riverside Low-Cost Counselling"),
                Arguments.of("therapy for students", "Headingley Student Therapy Service"),
                Arguments.of("counseling chicago", "Chicago Community Counseling Center"),
                Arguments.of("conselling chicago", "Chicago Community Counseling Center"),
                Arguments.of("domestc abuse cork", "Cork Domestic Violence Outreach"),
                Arguments.of("DV bristol", "Harbourside Domestic Abuse Service"),
                Arguments.of("queer youth portland", "Portland Queer Youth Drop-In"),
                Arguments.of("lgbt brighton", "Brighton Trans and Non-Binary Peer Space"),
                Arguments.of("samaritans", "Samaritans"),
                Arguments.of("samaritns", "Samaritans"),
                Arguments.of("creative drop in bristol", "Bristol Creative Drop-in"),
                Arguments.of("glasgow crisis", "Glasgow Crisis Sanctuary"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("realisticQueries")
    void realisticQueriesFindTheExpectedServiceFirst(String query, String expectedFirst) {
        assertThat(names(text(query))).first().isEqualTo(expectedFirst);
    }

    @Test
    void synonymsFindServicesWrittenWithOtherWords() {
        // "therapy" finds services that only say counselling, and the other way round
        assertThat(names(withPerPage(text("therapy"), 50))).contains("Riverside Low-Cost Counselling",
                "Bristol Counselling Cooperative");
        assertThat(names(withPerPage(text("counselling"), 50))).contains("Headingley Student Therapy Service",
                "Portland Sliding-Scale Therapy Collective");
        assertThat(names(withPerPage(text("domestic violence"), 50))).contains("Leeds Women's Safety Line",
                "National Domestic Abuse Helpline (Refuge)");
        assertThat(names(withPerPage(text("domestic abuse"), 50))).contains("Austin Family Violence Shelter",
                "Cork Domestic Violence Outreach");
    }

    @Test
    void synonymsAreGroupedByMeaningAndOneWayWhereSaid() {
        var synonyms = Synonyms.load().expansions();
        assertThat(synonyms.get("counselling")).contains("therapy", "counseling");
        assertThat(synonyms.get("dv")).contains("domestic abuse", "domestic violence");
        assertThat(synonyms).doesNotContainKey("emergency").doesNotContainKey("abuse");
        assertThat(synonyms.get("crisis")).doesNotContain("emergency");
        assertThat(synonyms.get("rehab")).contains("rehabilitation", "substance use");
        assertThat(synonyms.get("dentist")).contains("dental");
        // one way: "dental" does not find whatever "dentist" was typed for
        assertThat(synonyms).doesNotContainKey("dental");
        assertThat(Synonyms.parse("a, b => c\nc, d").expansions())
            .containsEntry("a", Set.of("c")).containsEntry("c", Set.of("d")).doesNotContainKey("e");
    }

    @Autowired
    Needs needs;

    @Autowired
    MockMvc mvc;

    @Test
    void aPlainLanguageSentenceMapsToItsKindOfSupport() {
        assertThat(needs.of("my dad hits me")).map(Needs.Need::kind).contains("domestic-abuse");
        assertThat(needs.of("I can\u2019t stay at home tonight")).map(Needs.Need::kind).contains("shelter");
        assertThat(needs.of("nowhere to sleep")).map(Needs.Need::kind).contains("shelter");
        assertThat(needs.of("I'm not eating")).map(Needs.Need::kind).contains("eating-disorder");
        assertThat(needs.of("I haven't eaten in 2 days")).map(Needs.Need::kind).contains("food");
        assertThat(needs.of("I'm being kicked out of my flat")).map(Needs.Need::kind).contains("eviction");
        assertThat(needs.of("My tooth hurts!")).map(Needs.Need::kind).contains("dental");
        // whole words only, and the names of kinds are searched as they are
        assertThat(needs.of("hitmen")).isEmpty();
        assertThat(needs.of("domestic abuse")).isEmpty();
    }

    @Test
    void everyKindOfNeedHasItsName() throws Exception {
        for (String line : RelevanceTests.read(Needs.FILE).lines().filter(l -> l.startsWith("[")).toList()) {
            String kind = line.substring(1, line.indexOf(']'));
            assertThat(messages.getMessage("directory.need.kind." + kind, null, null, Locale.UK)).as(kind).isNotNull();
        }
    }

    @Test
    void theSearchPageSaysWhichSupportItShowsAndOffersTheWordsAsTyped() throws Exception {
        mvc.perform(get("/support").param("q", "my dad hits me"))
            .andExpect(content().string(containsString("Showing domestic abuse support for \u2018my dad hits me\u2019.")))
            .andExpect(content().string(containsString("words=as-typed")))
            .andExpect(content().string(containsString("National Domestic Abuse Helpline (Refuge)")));
        mvc.perform(get("/support").param("q", "my dad hits me").param("words", "as-typed"))
            .andExpect(content().string(not(containsString("Showing domestic abuse support"))));
    }

    @Test
    void theRegionsCrisisLinesComeFirst() {
        SearchQuery crisis = new SearchQuery(null, Set.of("crisis"), Set.of(), false, false, Set.of(), null, null,
                false, null, 25, SearchQuery.SortOrder.RELEVANCE, 1, 10, WEDNESDAY_NOON_LONDON, "GB");
        assertThat(names(crisis).subList(0, 2)).containsExactly("Samaritans", "Shout");
        assertThat(names(crisis).subList(0, 4)).doesNotContain("Lifeline", "9-8-8 Suicide Crisis Helpline");
        SearchQuery australia = new SearchQuery(null, Set.of("crisis"), Set.of(), false, false, Set.of(), null, null,
                false, null, 25, SearchQuery.SortOrder.RELEVANCE, 1, 10, WEDNESDAY_NOON_LONDON, "AU");
        assertThat(names(australia)).first().isEqualTo("Lifeline");
    }

    @Test
    void aPersonSeesAndChangesTheRegion() throws Exception {
        mvc.perform(get("/support").param("category", "crisis"))
            .andExpect(content().string(containsString("<option value=\"GB\" selected=\"selected\">United Kingdom</option>")));
        mvc.perform(get("/support").param("category", "crisis").param("region", "AU"))
            .andExpect(content().string(containsString("<option value=\"AU\" selected=\"selected\">Australia</option>")))
            .andExpect(content().string(containsString("region=AU")));
    }

    @Test
    void anEverydayWordDoesNotOutweighThePlace() {
        for (ServiceCard card : all(text("support leeds")).subList(0, 3)) {
            ServiceView service = pages.service(card.id(), WEDNESDAY_NOON_LONDON).orElseThrow();
            assertThat(card.towns().contains("Leeds") || String.valueOf(service.serviceArea()).contains("Leeds"))
                .as(card.name() + " is in Leeds").isTrue();
        }
    }

    /**
     * A search asked again of the same index in the same minute is answered from memory (CurateTests: not
     * after a change); on a shared index, which other instances write, it is worked out every time.
     */
    @Test
    void theSameSearchOfTheSameIndexIsWorkedOutOnce() {
        SearchQuery query = text("counselling");
        if (index.shared()) {
            assertThat(index.state()).isEmpty();
            assertThat(search.search(query)).isNotSameAs(search.search(text("counselling")));
            return;
        }
        assertThat(index.state()).isNotEmpty().isEqualTo(index.state());
        assertThat(search.search(query)).isSameAs(search.search(text("counselling")));
        assertThat(search.search(query)).isNotSameAs(search.search(query.at(query.now().plusSeconds(60))));
    }

    @Test
    void nonsenseFindsNothing() {
        assertThat(search.search(text("xylophone zebra quartz")).total()).isZero();
    }

    static SearchQuery withPerPage(SearchQuery q, int perPage) {
        return new SearchQuery(q.text(), q.categories(), q.channels(), q.freeOnly(), q.costUnknown(), q.languages(), q.age(),
                q.country(), q.openNow(), q.near(), q.radiusKm(), q.sort(), q.page(), perPage, q.now(), q.region());
    }

    static SearchQuery filtered(Set<String> categories, Set<Channel> channels, boolean free, Set<String> languages,
            AgeGroup age, String country, boolean openNow, Instant now) {
        return new SearchQuery(null, categories, channels, free, false, languages, age, country, openNow, null, 25,
                SearchQuery.SortOrder.NAME, 1, 100, now, null);
    }

    List<ServiceCard> all(SearchQuery query) {
        return search.search(query).hits();
    }

    /** The services behind the result cards, read from the database: what the filters promise. */
    List<ServiceView> services(SearchQuery query) {
        return all(query).stream().map(card -> pages.service(card.id(), query.now()).orElseThrow()).toList();
    }

    @Test
    void categoryFilter() {
        List<ServiceView> hits = services(filtered(Set.of("lgbtq"), Set.of(), false, Set.of(), null, null, false,
                WEDNESDAY_NOON_LONDON));
        assertThat(hits).isNotEmpty()
            .allSatisfy(s -> assertThat(s.categories()).extracting(ServiceView.Term::code).contains("lgbtq"));
        assertThat(hits).extracting(ServiceView::name).contains("The Trevor Project", "Proud Futures Manchester");
    }

    @Test
    void channelFilter() {
        List<ServiceView> hits = services(filtered(Set.of(), Set.of(Channel.TEXT), false, Set.of(), null, null, false,
                WEDNESDAY_NOON_LONDON));
        assertThat(hits).isNotEmpty().allSatisfy(s -> assertThat(s.channels()).contains(Channel.TEXT));
        assertThat(hits).extracting(ServiceView::name).contains("Shout", "Hackney Youth Hub");
    }

    @Test
    void freeFilter() {
        List<ServiceView> hits = services(filtered(Set.of(), Set.of(), true, Set.of(), null, null, false,
                WEDNESDAY_NOON_LONDON));
        assertThat(hits).isNotEmpty().allSatisfy(s -> assertThat(s.free()).isTrue());
        assertThat(hits).extracting(ServiceView::name).doesNotContain("Riverside Low-Cost Counselling");
    }

    @Test
    void languageFilter() {
        List<ServiceView> hits = services(filtered(Set.of(), Set.of(), false, Set.of("cy"), null, null, false,
                WEDNESDAY_NOON_LONDON));
        assertThat(hits).extracting(ServiceView::name)
            .containsExactlyInAnyOrder("Cardiff Bay Wellbeing Counselling", "Cardiff LGBTQ+ Youth Collective");
    }

    @Test
    void ageFilterKeepsServicesForEveryone() {
        List<ServiceView> hits = services(filtered(Set.of(), Set.of(), false, Set.of(), AgeGroup.YOUNG_PEOPLE, null,
                false, WEDNESDAY_NOON_LONDON));
        assertThat(hits).extracting(ServiceView::ageGroup).containsOnly(AgeGroup.YOUNG_PEOPLE, AgeGroup.ALL);
        assertThat(hits).extracting(ServiceView::name).contains("Childline", "Hackney Youth Hub")
            .doesNotContain("Chapeltown Men's Peer Group");
    }

    @Test
    void countryFilter() {
        List<ServiceView> hits = services(filtered(Set.of(), Set.of(), false, Set.of(), null, "AU", false,
                WEDNESDAY_NOON_LONDON));
        assertThat(hits).isNotEmpty().allSatisfy(s -> assertThat(s.country()).isEqualTo("AU"));
        assertThat(hits).extracting(ServiceView::name).contains("Lifeline", "Brisbane Youth Mental Health Hub");
    }

    @Test
    void facetsCountTheCurrentResults() {
        DirectorySearch.Results results = search.search(filtered(Set.of(), Set.of(), false, Set.of(), null, "GB",
                false, WEDNESDAY_NOON_LONDON));
        long gb = results.total();
        assertThat(results.facets().get(ServiceIndexBinder.COUNTRY)).containsEntry("GB", gb).hasSize(1);
        long withPhone = results.facets().get(ServiceIndexBinder.CHANNEL).get("phone");
        long phoneHits = search.search(filtered(Set.of(), Set.of(Channel.PHONE), false, Set.of(), null, "GB", false,
                WEDNESDAY_NOON_LONDON)).total();
        assertThat(phoneHits).isEqualTo(withPhone).isLessThan(gb);
        assertThat(results.freeCount()).isEqualTo(search.search(filtered(Set.of(), Set.of(), true, Set.of(), null,
                "GB", false, WEDNESDAY_NOON_LONDON)).total());
    }

    @Test
    void nearAPlaceSortsByDistanceAndShowsIt() {
        Point leeds = gazetteer.find("LS6 3AB").orElseThrow().point();
        SearchQuery query = new SearchQuery(null, Set.of(), Set.of(), false, false, Set.of(), null, null, false, leeds, 25,
                SearchQuery.SortOrder.DISTANCE, 1, 50, WEDNESDAY_NOON_LONDON, null);
        List<ServiceCard> hits = all(query);
        assertThat(hits).isNotEmpty().allSatisfy(s -> assertThat(s.distanceKm()).isLessThanOrEqualTo(25.0));
        assertThat(hits.get(0).name()).isEqualTo("Headingley Student Therapy Service");
        assertThat(hits).extracting(ServiceCard::distanceKm).isSorted();
        assertThat(hits).extracting(ServiceCard::name).doesNotContain("Manchester Family Counselling Centre");
    }

    List<String> openAt(String instant) {
        return all(filtered(Set.of(), Set.of(), false, Set.of(), null, null, true, Instant.parse(instant))).stream()
            .map(ServiceCard::name).toList();
    }

    @Test
    void openNowUsesEachServicesOwnTimeZone() {
        // Wednesday 12:00 in London is 04:00 in Portland
        List<String> open = openAt("2026-11-25T12:00:00Z");
        assertThat(open).contains("Riverside Low-Cost Counselling", "Samaritans")
            .doesNotContain("Portland Sliding-Scale Therapy Collective", "Mancunian Night Listening Service");
        // Wednesday 20:00 UTC is 12:00 in Portland, and 20:00 in Leeds (Riverside closes at 20:00)
        assertThat(openAt("2026-11-25T20:00:00Z")).contains("Portland Sliding-Scale Therapy Collective",
                "Mancunian Night Listening Service").doesNotContain("Riverside Low-Cost Counselling");
        assertThat(open).allSatisfy(name -> assertThat(all(filtered(Set.of(), Set.of(), false, Set.of(), null, null,
                false, WEDNESDAY_NOON_LONDON)).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow()
            .openNow()).isTrue());
    }

    @Test
    void openNowAcrossMidnight() {
        // Thursday 02:00 in Manchester: the night line opened at 19:00 on Wednesday
        assertThat(openAt("2026-11-26T02:00:00Z")).contains("Mancunian Night Listening Service")
            .doesNotContain("Riverside Low-Cost Counselling");
        // Glasgow sanctuary 17:00-01:00: open at 00:30 Sunday, closed at 01:30
        assertThat(openAt("2026-11-29T00:30:00Z")).contains("Glasgow Crisis Sanctuary");
        assertThat(openAt("2026-11-29T01:30:00Z")).doesNotContain("Glasgow Crisis Sanctuary");
        // Austin warmline 16:00-00:00 Chicago time: 23:30 on Wednesday there is 05:30 UTC Thursday
        assertThat(openAt("2026-11-26T05:30:00Z")).contains("Austin Peer Support Warmline");
        assertThat(openAt("2026-11-26T06:30:00Z")).doesNotContain("Austin Peer Support Warmline");
    }

    @Test
    void resultCardsShowWhatTheServicePageShows() {
        SearchQuery everything = withPerPage(filtered(Set.of(), Set.of(), false, Set.of(), null, null, false,
                WEDNESDAY_NOON_LONDON), 500);
        List<ServiceCard> cards = all(everything);
        assertThat(cards).hasSizeGreaterThan(40);
        assertThat(cards).anyMatch(ServiceCard::openNow).anyMatch(card -> !card.openNow())
            .anyMatch(ServiceCard::national).anyMatch(ServiceCard::demo).anyMatch(card -> card.phone() == null);
        for (ServiceCard card : cards) {
            ServiceView service = pages.service(card.id(), WEDNESDAY_NOON_LONDON).orElseThrow();
            assertThat(card.name()).isEqualTo(service.name());
            assertThat(card.summary()).isEqualTo(ServiceCard.summary(service.description()));
            assertThat(card.categories()).isEqualTo(service.categories().stream().map(ServiceView.Term::name).toList());
            assertThat(List.of(card.free(), card.national(), card.demo(), card.hoursKnown(), card.openNow()))
                .isEqualTo(List.of(service.free(), service.national(), service.demo(), service.hoursKnown(),
                        service.openNow()));
            assertThat(card.phone()).isEqualTo(service.phones().stream().filter(phone -> !phone.text())
                .map(ServiceView.PhoneLine::number).findFirst().orElse(null));
            assertThat(card.distanceKm()).isNull();
            assertThat(card.towns()).hasSizeLessThanOrEqualTo(service.addresses().size())
                .allSatisfy(town -> assertThat(service.addresses()).anyMatch(address -> address.contains(town)));
            assertThat(card.towns().isEmpty()).isEqualTo(service.addresses().isEmpty());
        }
    }

    @Test
    void longDescriptionsAreCutAtAWordForTheCard() {
        String description = "Listening ".repeat(40).strip();
        String summary = ServiceCard.summary(description);
        assertThat(summary).hasSizeLessThanOrEqualTo(ServiceCard.SUMMARY_CHARS).endsWith("Listening…");
        assertThat(description).startsWith(summary.substring(0, summary.length() - 1));
        assertThat(ServiceCard.summary("Short.")).isEqualTo("Short.");
        assertThat(ServiceCard.summary(null)).isNull();
    }
}
