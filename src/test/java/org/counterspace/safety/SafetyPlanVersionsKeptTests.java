package org.counterspace.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

/** A save never fails for the number of versions: the newest {@link SmallLimits#PLAN_VERSIONS_KEPT} stay. */
@SmallLimits
class SafetyPlanVersionsKeptTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everySaveSucceedsAndOnlyTheNewestVersionsAreKept() throws Exception {
        AccountPrincipal kim = TestAccounts.create(jdbc, "kim-" + UUID.randomUUID().toString().substring(0, 8));
        AccountPrincipal lee = TestAccounts.create(jdbc, "lee-" + UUID.randomUUID().toString().substring(0, 8));
        mvc.perform(SafetyPlanTests.savePlan("Lee's first", "Jo").with(TestAccounts.as(lee)));
        for (int i = 1; i <= 5; i++) {
            mvc.perform(SafetyPlanTests.savePlan("Version " + i, "Jo").with(TestAccounts.as(kim)))
                .andExpect(redirectedUrl("/safety-plan"));
        }
        List<Integer> kept = jdbc.queryForList(
                "select version from safety_plan_version where account_id = ? order by version", Integer.class, kim.id());
        assertThat(kept).containsExactly(3, 4, 5);
        mvc.perform(get("/safety-plan").with(TestAccounts.as(kim))).andExpect(content().string(containsString("Version 5")));
        mvc.perform(get("/safety-plan/versions").with(TestAccounts.as(kim)))
            .andExpect(content().string(containsString("the latest 3 are kept")));
        // someone else's history is untouched
        assertThat(jdbc.queryForObject("select count(*) from safety_plan_version where account_id = ?", Integer.class,
                lee.id())).isEqualTo(1);
    }
}
