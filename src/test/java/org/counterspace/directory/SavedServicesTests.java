package org.counterspace.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.counterspace.account.AccountDeleted;
import org.counterspace.account.AccountPrincipal;
import org.counterspace.account.PersonalDataExporter;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** "My outside support": owner-scoped bookmarks with notes, account deletion, export, the public API. */
@SpringBootTest
@AutoConfigureMockMvc
class SavedServicesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Bookmarks bookmarks;

    @Autowired
    List<PersonalDataExporter> exporters;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    UUID serviceId(String name) {
        return jdbc.queryForObject("select id from dir_service where name = ?", UUID.class, name);
    }

    UUID bookmarkOf(AccountPrincipal who) {
        return jdbc.queryForObject("select id from dir_bookmark where account_id = ?", UUID.class, who.id());
    }

    @Test
    void signInIsNeededForTheList() throws Exception {
        mvc.perform(get("/support/saved")).andExpect(TestAccounts.signInAsked());
        mvc.perform(post("/support/services/" + serviceId("Samaritans") + "/save").with(csrf()))
            .andExpect(TestAccounts.signInAsked());
    }

    @Test
    void savingANoteListingPrintingAndRemoving() throws Exception {
        AccountPrincipal ana = TestAccounts.create(jdbc, "ana-saves");
        UUID samaritans = serviceId("Samaritans");
        mvc.perform(post("/support/services/" + samaritans + "/save").with(csrf()).with(TestAccounts.as(ana))
            .param("note", "Call after work"))
            .andExpect(redirectedUrl("/support/saved"));
        mvc.perform(get("/support/saved").with(TestAccounts.as(ana)))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andExpect(content().string(containsString("Samaritans")))
            .andExpect(content().string(containsString("Call after work")))
            .andExpect(content().string(containsString("href=\"tel:116123\"")));
        mvc.perform(get("/support/services/" + samaritans).with(TestAccounts.as(ana)))
            .andExpect(content().string(containsString("This service is in your outside support list.")));

        UUID bookmark = bookmarkOf(ana);
        mvc.perform(post("/support/saved/" + bookmark).with(csrf()).with(TestAccounts.as(ana)).param("note", "Ask about evenings"))
            .andExpect(redirectedUrl("/support/saved"));
        assertThat(bookmarks.savedBy(ana.id())).singleElement()
            .satisfies(s -> {
                assertThat(s.name()).isEqualTo("Samaritans");
                assertThat(s.phone()).isEqualTo("116 123");
                assertThat(s.url()).isEqualTo("/support/services/" + samaritans);
            });
        mvc.perform(post("/support/saved/" + bookmark + "/remove").with(csrf()).with(TestAccounts.as(ana)))
            .andExpect(redirectedUrl("/support/saved"));
        assertThat(bookmarks.savedBy(ana.id())).isEmpty();
    }

    @Test
    void someoneElsesBookmarkIsNotFound() throws Exception {
        AccountPrincipal owner = TestAccounts.create(jdbc, "owner-saves");
        AccountPrincipal other = TestAccounts.create(jdbc, "other-looks");
        mvc.perform(post("/support/services/" + serviceId("Shout") + "/save").with(csrf()).with(TestAccounts.as(owner))
            .param("note", "private words"));
        UUID bookmark = bookmarkOf(owner);
        mvc.perform(post("/support/saved/" + bookmark).with(csrf()).with(TestAccounts.as(other)).param("note", "mine now"))
            .andExpect(status().isNotFound());
        mvc.perform(post("/support/saved/" + bookmark + "/remove").with(csrf()).with(TestAccounts.as(other)))
            .andExpect(status().isNotFound());
        mvc.perform(get("/support/saved").with(TestAccounts.as(other)))
            .andExpect(content().string(not(containsString("private words"))));
        assertThat(jdbc.queryForObject("select note from dir_bookmark where id = ?", String.class, bookmark))
            .isEqualTo("private words");
        assertThat(bookmarks.savedBy(other.id())).isEmpty();
    }

    @Test
    void accountDeletionErasesBookmarksAndExportHasThem() throws Exception {
        AccountPrincipal leaving = TestAccounts.create(jdbc, "leaving-soon");
        mvc.perform(post("/support/services/" + serviceId("Childline") + "/save").with(csrf())
            .with(TestAccounts.as(leaving)).param("note", "for my brother"));
        PersonalDataExporter exporter = exporters.stream().filter(e -> e.section().equals("bookmarks")).findFirst()
            .orElseThrow();
        assertThat((List<?>) exporter.export(leaving.id())).singleElement()
            .hasToString("Exported[service=Childline, phone=0800 1111, website=https://www.childline.org.uk/get-support/contacting-childline/, note=for my brother, savedAt="
                    + jdbc.queryForObject("select created_at from dir_bookmark where account_id = ?", java.time.OffsetDateTime.class, leaving.id()).toInstant() + "]");
        tx.executeWithoutResult(status -> events.publishEvent(new AccountDeleted(leaving.id())));
        assertThat(jdbc.queryForObject("select count(*) from dir_bookmark where account_id = ?", Long.class,
                leaving.id())).isZero();
    }
}
