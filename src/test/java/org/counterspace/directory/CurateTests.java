package org.counterspace.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.directory.listing.DirectoryPages;
import org.counterspace.directory.listing.ServiceView;
import org.counterspace.directory.search.DirectoryIndex;
import org.counterspace.directory.search.DirectorySearch;
import org.counterspace.directory.search.SearchQuery;
import org.counterspace.directory.search.ServiceCard;
import org.counterspace.support.ImportUploads;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

/** Curator pages: who may use them, editing, retiring, verifying, the queue, the audit trail, files. */
@SpringBootTest
@AutoConfigureMockMvc
class CurateTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DirectorySearch search;

    @Autowired
    ServiceRepository services;

    @Autowired
    LocationRepository locations;

    @Autowired
    DirectoryIndex index;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DirectoryPages pages;

    AccountPrincipal curator;

    AccountPrincipal user;

    @BeforeEach
    void accounts() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        curator = TestAccounts.create(jdbc, "curator-" + suffix, AccountPrincipal.ROLE_ADMIN);
        user = TestAccounts.create(jdbc, "user-" + suffix);
    }

    /** The curator's form for a new service, to be filled in with its fields. */
    MockHttpServletRequestBuilder newService() {
        return post("/curate/services").with(csrf()).with(TestAccounts.as(curator));
    }

    /** Sends a filled-in service form and gives the id of the service it created. */
    UUID created(MockHttpServletRequestBuilder form) throws Exception {
        MvcResult result = mvc.perform(form).andExpect(status().is3xxRedirection()).andReturn();
        return UUID.fromString(result.getResponse().getRedirectedUrl().substring("/curate/services/".length()));
    }

    UUID serviceId(String name) {
        return jdbc.queryForObject("select id from dir_service where name = ?", UUID.class, name);
    }

    /** What the curator's edit form sends as its page fills it: fields, ticked boxes, hidden markers, text areas. */
    MultiValueMap<String, String> editForm(UUID id) throws Exception {
        String page = mvc.perform(get("/curate/services/" + id).with(TestAccounts.as(curator)))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher form = Pattern.compile("<form[^>]*action=\"/curate/services/" + id + "\"[^>]*>(.*?)</form>",
                Pattern.DOTALL).matcher(page);
        assertThat(form.find()).as("the edit form").isTrue();
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        Matcher input = Pattern.compile("<input([^>]*)>").matcher(form.group(1));
        while (input.find()) {
            Map<String, String> field = attributes(input.group(1));
            boolean box = List.of("checkbox", "radio").contains(field.get("type"));
            boolean sent = field.containsKey("name") && !field.get("name").equals("_csrf");
            if (sent && (!box || field.containsKey("checked"))) {
                fields.add(field.get("name"), field.getOrDefault("value", ""));
            }
        }
        Matcher area = Pattern.compile("<textarea([^>]*)>(.*?)</textarea>", Pattern.DOTALL).matcher(form.group(1));
        while (area.find()) {
            fields.add(attributes(area.group(1)).get("name"), HtmlUtils.htmlUnescape(area.group(2)));
        }
        return fields;
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new HashMap<>();
        Matcher attribute = Pattern.compile("([\\w-]+)(?:=\"([^\"]*)\")?").matcher(tag);
        while (attribute.find()) {
            String value = attribute.group(2);
            attributes.put(attribute.group(1), value == null ? "" : HtmlUtils.htmlUnescape(value));
        }
        return attributes;
    }

    void save(UUID id, MultiValueMap<String, String> form) throws Exception {
        mvc.perform(post("/curate/services/" + id).params(form).with(csrf()).with(TestAccounts.as(curator)))
            .andExpect(redirectedUrl("/curate/services/" + id));
    }

    /** The coordinates of the service's places, as the search distance and the HSDS export read them. */
    List<Map<String, Object>> coordinates(UUID id) {
        return jdbc.queryForList("select l.latitude, l.longitude from dir_location l join dir_service_at_location sal "
                + "on sal.location_id = l.id where sal.service_id = ?", id);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/curate", "/curate/queue", "/curate/audit", "/curate/files", "/curate/services/new" })
    void onlyCuratorsMayEnter(String path) throws Exception {
        mvc.perform(get(path).with(TestAccounts.as(user))).andExpect(status().isForbidden());
        mvc.perform(get(path)).andExpect(TestAccounts.signInAsked());
        mvc.perform(get(path).with(TestAccounts.as(curator))).andExpect(status().isOk());
    }

    @Test
    void aUserCannotChangeAnything() throws Exception {
        UUID id = serviceId("Shout");
        mvc.perform(post("/curate/services/" + id + "/retire").with(csrf()).with(TestAccounts.as(user)))
            .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select status from dir_service where id = ?", String.class, id))
            .isEqualTo("active");
    }

    @Test
    void aFormWithProblemsIsShownAgainWithThemAndTheInputKept() throws Exception {
        mvc.perform(newService().param("name", "Half done")
            .param("organization", "").param("country", "gb").param("timeZone", "Mars/Olympus")
            .param("hours", "weekdays 9 to 5").param("url", "not a url").param("ageGroup", "all"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("class=\"error-summary\"")))
            .andExpect(content().string(containsString("Please name the organisation that runs it.")))
            .andExpect(content().string(containsString("Please give a time zone like Europe/London.")))
            .andExpect(content().string(containsString("Each line needs days and times")))
            .andExpect(content().string(containsString("value=\"Half done\"")))
            .andExpect(content().string(containsString("aria-invalid=\"true\"")));
    }

    /**
     * "Free" is a tick box; a value that is not yes or no cannot build the form, and the other checks
     * (here the opening hours) then answered 500 instead of the form with its messages.
     */
    @Test
    void aFreeValueThatIsNoAnswerComesBackAsTheFormWithItsOtherProblems() throws Exception {
        int before = jdbc.queryForObject("select count(*) from dir_service", Integer.class);
        mvc.perform(newService().param("name", "Half done").param("organization", "Somebody").param("free", "maybe")
            .param("country", "GB").param("timeZone", "Europe/London").param("hours", "whenever"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("class=\"error-summary\"")))
            .andExpect(content().string(containsString("Each line needs days and times")));
        assertThat(jdbc.queryForObject("select count(*) from dir_service", Integer.class)).isEqualTo(before);
    }

    @Test
    void createEditVerifyRetireAndTheAuditTrail() throws Exception {
        UUID id = created(newService()
            .param("name", "Riverbank Walking Group").param("organization", "Riverbank Friends")
            .param("description", "A gentle weekly walk and talk for anyone who needs time out of the house.")
            .param("phone", "0113 496 0999").param("cost", "free").param("ageGroup", "adults")
            .param("channels", "in-person", "phone").param("categories", "peer-support", "community-space")
            .param("country", "GB").param("region", "England").param("timeZone", "Europe/London")
            .param("hours", "SA 10:00-12:00\nWE 18:00-19:30").param("street", "1 River Lane").param("city", "Leeds")
            .param("postcode", "LS1 4AA").param("latitude", "53.79").param("longitude", "-1.54"));
        assertThat(search.matchingIds("riverbank walking", 5)).contains(id);
        assertThat(search.search(SearchQuery.text("walk and talk", Instant.now())).hits())
            .extracting(ServiceCard::name).contains("Riverbank Walking Group");

        mvc.perform(get("/curate/services/" + id).with(TestAccounts.as(curator)))
            .andExpect(content().string(containsString("SA 10:00-12:00")))
            .andExpect(content().string(containsString("value=\"1 River Lane\"")));
        mvc.perform(post("/curate/services/" + id).with(csrf()).with(TestAccounts.as(curator))
            .param("name", "Riverbank Walk and Talk").param("organization", "Riverbank Friends")
            .param("ageGroup", "all").param("country", "GB").param("timeZone", "Europe/London"))
            .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select name from dir_service where id = ?", String.class, id))
            .isEqualTo("Riverbank Walk and Talk");

        mvc.perform(post("/curate/services/" + id + "/verify").with(csrf()).with(TestAccounts.as(curator)))
            .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select assurer_email from dir_service where id = ?", String.class, id))
            .isEqualTo(curator.getUsername());
        mvc.perform(get("/support/services/" + id))
            .andExpect(content().string(containsString("Checked by a curator on")))
            .andExpect(content().string(not(containsString(curator.getUsername()))));

        mvc.perform(post("/curate/services/" + id + "/retire").with(csrf()).with(TestAccounts.as(curator)))
            .andExpect(status().is3xxRedirection());
        assertThat(search.search(SearchQuery.text("riverbank", Instant.now())).hits()).isEmpty();
        mvc.perform(get("/support/services/" + id)).andExpect(content().string(containsString("no longer listed")));

        mvc.perform(get("/curate/audit").with(TestAccounts.as(curator)))
            .andExpect(content().string(containsString("Created Riverbank Walking Group")))
            .andExpect(content().string(containsString("Edited Riverbank Walk and Talk")))
            .andExpect(content().string(containsString("Retired Riverbank Walk and Talk")));
    }

    /** The search page keeps pages of results it worked out: a curator's change must show at once. */
    @Test
    void theSameSearchRightAfterACuratorsChangeShowsIt() throws Exception {
        UUID id = created(newService().param("name", "Heron Pond Listening Bench").param("organization", "Heron Pond")
            .param("description", "A bench by the pond where a volunteer listens.").param("cost", "free")
            .param("ageGroup", "all").param("country", "GB").param("timeZone", "Europe/London"));
        // the query in the URL, as a browser sends it, so the shared-page cache keeps the page too
        mvc.perform(get("/support?q=heron+pond&free=yes"))
            .andExpect(content().string(containsString("Heron Pond Listening Bench")));
        mvc.perform(get("/support?q=heron+pond"))
            .andExpect(content().string(containsString("Heron Pond Listening Bench")));

        MultiValueMap<String, String> form = editForm(id);
        form.set("name", "Heron Pond Talking Bench");
        form.set("cost", "paid");
        save(id, form);
        mvc.perform(get("/support?q=heron+pond"))
            .andExpect(content().string(containsString("Heron Pond Talking Bench")))
            .andExpect(content().string(not(containsString("Listening Bench"))));
        mvc.perform(get("/support?q=heron+pond&free=yes"))
            .andExpect(content().string(not(containsString("Heron Pond"))));

        mvc.perform(post("/curate/services/" + id + "/retire").with(csrf()).with(TestAccounts.as(curator)))
            .andExpect(status().is3xxRedirection());
        mvc.perform(get("/support?q=heron+pond"))
            .andExpect(content().string(not(containsString("Heron Pond"))));
    }

    @Test
    void aServiceWithAnAddressPhonesAndHoursIsSavedUnchangedAndChangedWithNothingLost() throws Exception {
        UUID id = serviceId("Leeds Women's Safety Line");
        Instant now = Instant.now();
        ServiceView before = pages.service(id, now).orElseThrow();
        assertThat(before.addresses()).singleElement().asString().contains("LS");
        assertThat(before.phones()).extracting(ServiceView.PhoneLine::text).containsExactly(false, true);
        assertThat(before.hours()).isNotEmpty();
        assertThat(before.languages()).hasSize(3);
        List<Map<String, Object>> coordinates = coordinates(id);
        assertThat(coordinates).singleElement().satisfies(point -> assertThat(point.values()).doesNotContainNull());

        MultiValueMap<String, String> form = editForm(id);
        save(id, form);
        assertThat(pages.service(id, now)).contains(before);
        assertThat(coordinates(id)).isEqualTo(coordinates);

        String oldNumber = form.getFirst("phone");
        form.set("phone", "0113 496 0777");
        form.set("hours", form.getFirst("hours") + "\nSU 10:00-12:00");
        save(id, form);
        ServiceView after = pages.service(id, now).orElseThrow();
        assertThat(after.phones()).extracting(ServiceView.PhoneLine::number).contains("0113 496 0777")
            .doesNotContain(oldNumber).hasSize(2);
        assertThat(after.hours()).containsKey(DayOfWeek.SUNDAY).containsAllEntriesOf(before.hours());
        assertThat(after).usingRecursiveComparison().ignoringFields("phones", "hours", "openNow").isEqualTo(before);
        assertThat(coordinates(id)).isEqualTo(coordinates);
        mvc.perform(get("/curate/audit").with(TestAccounts.as(curator)))
            .andExpect(content().string(containsString("Edited Leeds Women&#39;s Safety Line")));
    }

    @Test
    void aServiceIsFoundByTheTownOfItsAddressAndItsCardNamesIt() throws Exception {
        UUID id = created(newService()
            .param("name", "Wharfedale Allotment Mornings").param("organization", "Wharfedale Growers")
            .param("description", "Digging, planting and a cup of tea with others, whatever the weather.")
            .param("ageGroup", "all").param("country", "GB").param("timeZone", "Europe/London")
            .param("street", "Bridge End").param("city", "Otley").param("postcode", "LS21 1AA"));
        List<ServiceCard> cards = search.search(SearchQuery.text("allotment otley", Instant.now())).hits();
        assertThat(cards).first().satisfies(card -> {
            assertThat(card.name()).isEqualTo("Wharfedale Allotment Mornings");
            assertThat(card.towns()).containsExactly("Otley");
        });
        assertThat(search.search(SearchQuery.text("otley", Instant.now())).hits()).extracting(ServiceCard::name)
            .containsExactly("Wharfedale Allotment Mornings");
        // no categories: the town stands alone, with no separator after it
        mvc.perform(get("/support").param("q", "otley"))
            .andExpect(content().string(containsString(">Otley</span>")));

        tx.executeWithoutResult(status -> {
            SupportService service = services.findById(id).orElseThrow();
            for (String town : List.of("Ilkley", "Skipton", "Harrogate", "Ripon")) {
                Location location = new Location(UUID.randomUUID(), service.getOrganization(), "physical");
                location.addAddress(UUID.randomUUID(), "1 High Street", town, "England", "HG1 1AA", "GB");
                service.addLocation(ServiceDetails.Place.at(locations.save(location)));
            }
            index.changed(service);
        });
        mvc.perform(get("/support").param("q", "otley"))
            .andExpect(content().string(containsString(">Otley, Ilkley, Skipton and 2 more</span>")));
    }

    @Test
    void theQueueShowsReportsAndSuggestionsUntilDealtWith() throws Exception {
        UUID id = serviceId("Lifeline");
        mvc.perform(post("/support/services/" + id + "/report").with(csrf()).param("message", "The hours changed")
            .with(r -> { r.setRemoteAddr("192.0.2.40"); return r; }));
        mvc.perform(post("/support/suggest").with(csrf()).param("name", "Quiet Garden").param("message", "Open garden")
            .with(r -> { r.setRemoteAddr("192.0.2.40"); return r; }));
        mvc.perform(get("/curate/queue").with(TestAccounts.as(curator)))
            .andExpect(content().string(containsString("Problem report on Lifeline")))
            .andExpect(content().string(containsString("The hours changed")))
            .andExpect(content().string(containsString("Suggested service: Quiet Garden")));
        UUID report = jdbc.queryForObject("select id from dir_feedback where message = 'The hours changed'", UUID.class);
        mvc.perform(post("/curate/queue/" + report + "/resolve").with(csrf()).with(TestAccounts.as(curator)))
            .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select resolved_by from dir_feedback where id = ?", String.class, report))
            .isEqualTo(curator.getUsername());
    }

    @Test
    void aCuratorSaysWhetherAServiceIsFreePaidOrOfACostNotKnown() throws Exception {
        UUID id = serviceId("Riverside Low-Cost Counselling");
        MultiValueMap<String, String> form = editForm(id);
        assertThat(form.get("cost")).containsExactly("paid");
        for (String cost : List.of("free", "unknown", "paid")) {
            form.set("cost", cost);
            save(id, form);
            assertThat(jdbc.queryForObject("select cost from dir_service where id = ?", String.class, id))
                .isEqualTo(cost);
            assertThat(editForm(id).get("cost")).containsExactly(cost);
        }
        form.set("cost", "cheap");
        mvc.perform(post("/curate/services/" + id).params(form).with(csrf()).with(TestAccounts.as(curator)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Please choose free, a charge, or not known.")));
    }

    @Test
    void uploadAnHsdsFileAndSeeTheReport() throws Exception {
        byte[] example = getClass().getResourceAsStream("/hsds/examples/service_full.json").readAllBytes();
        assertThat(ImportUploads.upload(mvc, curator, new MockMultipartFile("file", "service_full.json",
                "application/json", example)))
            .contains("Imported 1 services from service_full.json", "parent_id");
        assertThat(ImportUploads.upload(mvc, curator, new MockMultipartFile("file", "bad.json", "application/json",
                "{oops".getBytes()))).contains("Nothing was imported from bad.json");
        mvc.perform(multipart("/curate/files/import").with(csrf()).with(TestAccounts.as(curator)))
            .andExpect(content().string(containsString("Please choose a file to import.")));
        mvc.perform(get("/curate/files").with(TestAccounts.as(curator)))
            .andExpect(content().string(containsString("Recent imports")))
            .andExpect(content().string(containsString("bad.json")));
        mvc.perform(get("/curate/files/export.json").with(TestAccounts.as(curator)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("\"name\":\"Community Counselling\"")));
    }

    /** A quote left open in services.csv's header row answered 500; the report names the table now, with an alert. */
    @Test
    void aZippedTableWithABrokenHeaderIsReportedNotA500() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("services.csv"));
            out.write("id,\"name,status\nx,y,z\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThat(ImportUploads.upload(mvc, curator, new MockMultipartFile("file", "broken.zip", "application/zip",
                zip.toByteArray()))).contains("services.csv is not well-formed CSV.", "role=\"alert\"");
    }
}
