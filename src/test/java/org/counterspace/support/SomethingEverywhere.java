package org.counterspace.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.account.AccountRegistered;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** A curator with a check-in, a saved service and a safety plan, so that every personal page has content. */
public final class SomethingEverywhere {

    private SomethingEverywhere() {
    }

    public static AccountPrincipal curator(MockMvc mvc, JdbcTemplate jdbc, ApplicationEventPublisher events,
            TransactionTemplate tx, boolean discreet) throws Exception {
        AccountPrincipal account = TestAccounts.create(jdbc, "walker-" + UUID.randomUUID().toString().substring(0, 8),
                AccountPrincipal.ROLE_ADMIN);
        jdbc.update("update account set discreet = ? where id = ?", discreet, account.id());
        AccountPrincipal me = account.withSettings(ZoneId.of("UTC"), discreet);
        tx.executeWithoutResult(status -> events.publishEvent(new AccountRegistered(me.id())));
        mvc.perform(post("/checkins/new").with(csrf()).with(TestAccounts.as(me))
            .param("day", LocalDate.now(ZoneId.of("UTC")).toString()).param("mood", "3").param("homePull", "4")
            .param("note", "A quiet evening"))
            .andExpect(status().is3xxRedirection());
        UUID service = jdbc.queryForObject("select id from dir_service where status = 'active' order by name limit 1",
                UUID.class);
        mvc.perform(post("/support/services/" + service + "/save").with(csrf()).with(TestAccounts.as(me))
            .param("note", "Ask about evenings"))
            .andExpect(status().is3xxRedirection());
        mvc.perform(post("/safety-plan").with(csrf()).with(TestAccounts.as(me)).param("warningSigns", "Not sleeping"))
            .andExpect(status().is3xxRedirection());
        return me;
    }
}
