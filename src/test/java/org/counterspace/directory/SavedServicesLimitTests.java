package org.counterspace.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.SmallLimits;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** "My outside support" keeps {@link SmallLimits#SAVED_SERVICES} services at most, and says so kindly. */
@SmallLimits
class SavedServicesLimitTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    ResultActions save(AccountPrincipal who, UUID service, String note) throws Exception {
        return mvc.perform(post("/support/services/" + service + "/save").with(csrf()).with(TestAccounts.as(who))
            .param("note", note));
    }

    @Test
    void aFullListRefusesANewServiceKindlyButStillTakesNotes() throws Exception {
        AccountPrincipal ana = TestAccounts.create(jdbc, "ana-" + UUID.randomUUID().toString().substring(0, 8));
        List<UUID> services = jdbc.queryForList("select id from dir_service order by name fetch first 3 rows only", UUID.class);
        save(ana, services.get(0), "first").andExpect(redirectedUrl("/support/saved"));
        save(ana, services.get(1), "second").andExpect(redirectedUrl("/support/saved"));
        save(ana, services.get(2), "third")
            .andExpect(redirectedUrl("/support/services/" + services.get(2)))
            .andExpect(flash().attribute("savedFull", SmallLimits.SAVED_SERVICES));
        mvc.perform(get("/support/services/" + services.get(2)).flashAttr("savedFull", SmallLimits.SAVED_SERVICES)
                .with(TestAccounts.as(ana)))
            .andExpect(content().string(containsString("You have saved 2 services, which is as many as")));
        // a service already saved can still have its note changed
        save(ana, services.get(1), "second, changed").andExpect(redirectedUrl("/support/saved"));
        assertThat(jdbc.queryForList("select note from dir_bookmark where account_id = ? order by note", String.class, ana.id()))
            .containsExactly("first", "second, changed");
    }
}
