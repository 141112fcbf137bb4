package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class EnvironmentControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CheckInService checkins;

    AccountPrincipal me;

    @BeforeEach
    void account() {
        me = TestAccounts.create(jdbc, "env-" + UUID.randomUUID().toString().substring(0, 8));
        checkins.seed(me.id());
    }

    UUID id(String name) {
        return checkins.environments(me.id()).stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow().getId();
    }

    @Test
    void listIsGroupedByKind() throws Exception {
        String html = mvc.perform(get("/checkins/environments").with(TestAccounts.as(me)))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        assertThat(html.indexOf(">Spaces</h2>")).isLessThan(html.indexOf(">People</h2>"));
        assertThat(html.indexOf(">People</h2>")).isLessThan(html.indexOf(">Practices</h2>"));
        assertThat(html).contains("value=\"A support group\"");
    }

    @Test
    void addsANewOneAndRefusesBlankLongOrDuplicateNames() throws Exception {
        mvc.perform(post("/checkins/environments").with(TestAccounts.as(me)).with(csrf())
                .param("kind", "SPACE").param("name", " The library "))
            .andExpect(status().isFound()).andExpect(redirectedUrl("/checkins/environments"));
        assertThat(checkins.environments(me.id())).extracting(CounterEnvironment::getName).contains("The library");

        mvc.perform(post("/checkins/environments").with(TestAccounts.as(me)).with(csrf()).param("kind", "PRACTICE").param("name", "music"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("already have one with that name")))
            .andExpect(content().string(containsString("value=\"music\"")));
        mvc.perform(post("/checkins/environments").with(TestAccounts.as(me)).with(csrf()).param("kind", "PRACTICE").param("name", " "))
            .andExpect(status().isOk()).andExpect(content().string(containsString("Enter a name")));
        mvc.perform(post("/checkins/environments").with(TestAccounts.as(me)).with(csrf()).param("kind", "PRACTICE").param("name", "x".repeat(81)))
            .andExpect(status().isOk()).andExpect(content().string(containsString("up to 80 characters")));
        mvc.perform(post("/checkins/environments").with(TestAccounts.as(me)).with(csrf()).param("kind", "PLANET").param("name", "Mars"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Choose a space, a person or a practice")))
            .andExpect(content().string(not(containsString("Failed to convert"))));
        assertThat(checkins.environments(me.id())).hasSize(8);
    }

    @Test
    void renameShowsInPastCheckInsAndArchivedOnesStayInHistory() throws Exception {
        UUID music = id("Music");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        checkins.record(me.id(), new CheckInEntry(today, new Mood(4), new HomePull(2), null, null, false, Set.of(music)));

        mvc.perform(post("/checkins/environments/" + music + "/rename").with(TestAccounts.as(me)).with(csrf()).param("name", "Piano"))
            .andExpect(status().isFound());
        mvc.perform(get("/checkins").with(TestAccounts.as(me))).andExpect(content().string(containsString("Piano")));

        mvc.perform(post("/checkins/environments/" + music + "/rename").with(TestAccounts.as(me)).with(csrf()).param("name", "exercise"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("already have one with that name")))
            .andExpect(content().string(containsString("href=\"#rename-" + music + "\"")));

        mvc.perform(post("/checkins/environments/" + music + "/archive").with(TestAccounts.as(me)).with(csrf()))
            .andExpect(status().isFound());
        mvc.perform(get("/checkins").with(TestAccounts.as(me)))
            .andExpect(content().string(containsString("Piano</span><span class=\"chip-note\">")));
        mvc.perform(get("/checkins/environments").with(TestAccounts.as(me)))
            .andExpect(content().string(containsString("Bring back Piano")));
        mvc.perform(post("/checkins/environments/" + music + "/unarchive").with(TestAccounts.as(me)).with(csrf()))
            .andExpect(status().isFound());
        assertThat(checkins.ownEnvironment(me.id(), music).isArchived()).isFalse();
    }

    @Test
    void anotherPersonsEnvironmentAnswersNotFound() throws Exception {
        AccountPrincipal other = TestAccounts.create(jdbc, "env-other-" + UUID.randomUUID().toString().substring(0, 8));
        UUID music = id("Music");
        for (String action : new String[] { "rename", "archive", "unarchive" }) {
            mvc.perform(post("/checkins/environments/" + music + "/" + action).with(TestAccounts.as(other)).with(csrf())
                    .param("name", "Mine now"))
                .andExpect(status().isNotFound());
        }
        assertThat(checkins.ownEnvironment(me.id(), music).getName()).isEqualTo("Music");
        assertThat(checkins.ownEnvironment(me.id(), music).isArchived()).isFalse();
    }
}
