package org.counterspace.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.SiteWalk;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A curator's username is a sign-in name: no public page, and no answer of the public API, shows it.
 * The service page says only that a curator checked it, and when.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoUsernameOnPublicPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCheckedServiceNamesNoCuratorAnywherePublic() throws Exception {
        AccountPrincipal curator = TestAccounts.create(jdbc, "Zephyrine.Quillfeather-" + UUID.randomUUID().toString()
            .substring(0, 4), AccountPrincipal.ROLE_ADMIN);
        Map<String, Object> service = jdbc.queryForMap(
                "select id, name from dir_service where status = 'active' and is_national = false order by name limit 1");
        UUID id = (UUID) service.get("id");
        mvc.perform(post("/curate/services/" + id + "/verify").with(csrf()).with(TestAccounts.as(curator)))
            .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select assurer_email from dir_service where id = ?", String.class, id))
            .as("the check is recorded with the curator's name, which is what must not leak")
            .isEqualTo(curator.getUsername());

        String page = "/support/services/" + id;
        Map<String, String> pages = SiteWalk.from(mvc, anonymous(), "/", page, "/support?q=" + service.get("name"));
        assertThat(pages).containsKeys("/", "/guidance", "/support", "/help", "/privacy", "/register", "/login", page);
        assertThat(pages.get(page)).contains("Checked by a curator on");
        pages.forEach((url, html) -> assertThat(html).as(url).doesNotContainIgnoringCase(curator.getUsername()));

        for (String api : new String[] { "/api/services/" + id, "/api/services?full=true&per_page=100",
                "/api/service_at_locations?full=true&per_page=100" }) {
            assertThat(mvc.perform(get(api)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .as(api).contains(id.toString()).doesNotContainIgnoringCase(curator.getUsername());
        }
    }
}
