package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

class AccountAccessTests extends AccountWebTestSupport {

    @Autowired
    AccountService accounts;

    @Autowired
    Passwords passwords;

    @ParameterizedTest
    @ValueSource(strings = { "/register", "/login", "/logout", "/recover", "/account/settings", "/account/password",
            "/account/recovery-codes/new", "/account/delete", "/admin/curators/grant", "/admin/curators/revoke" })
    void everyStateChangingPostWithoutACsrfTokenIsRefused(String path) throws Exception {
        AccountPrincipal admin = testAccount("csrf", AccountPrincipal.ROLE_ADMIN);
        mvc.perform(post(path).with(TestAccounts.as(admin)).param("username", admin.getUsername())
            .param("password", TestAccounts.PASSWORD).param("currentPassword", TestAccounts.PASSWORD))
            .andExpect(status().isForbidden());
        mvc.perform(post(path).param("username", admin.getUsername()).param("password", TestAccounts.PASSWORD))
            .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from account where id = ?", Integer.class, admin.id())).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/account", "/account/password", "/account/recovery-codes/new", "/account/delete",
            "/account/export", "/admin/curators", "/login", "/register", "/recover" })
    void accountPagesAreNeverCached(String path) throws Exception {
        AccountPrincipal admin = testAccount("nostore", AccountPrincipal.ROLE_ADMIN);
        mvc.perform(get(path).with(TestAccounts.as(admin)))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andExpect(content().string(not(containsString("style=\""))));
    }

    @Test
    void onlyAdminsSeeTheCuratorPage() throws Exception {
        mvc.perform(get("/admin/curators").with(TestAccounts.as(testAccount("plain")))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/curators/grant").with(csrf()).with(TestAccounts.as(testAccount("plain")))
            .param("username", "anyone")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/curators")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void adminsGrantAndRevokeTheCuratorRoleButNotTheirOwn() throws Exception {
        AccountPrincipal admin = testAccount("admin", AccountPrincipal.ROLE_ADMIN);
        AccountPrincipal helper = testAccount("helper");
        MockHttpSession helperSession = signIn(helper.getUsername(), TestAccounts.PASSWORD);

        mvc.perform(post("/admin/curators/grant").with(csrf()).with(TestAccounts.as(admin))
            .param("username", helper.getUsername().toUpperCase()))
            .andExpect(redirectedUrl("/admin/curators"));
        assertThat(roles(helper)).contains("ROLE_ADMIN");
        mvc.perform(get("/admin/curators").with(TestAccounts.as(admin)))
            .andExpect(content().string(containsString(helper.getUsername())));

        mvc.perform(post("/admin/curators/grant").with(csrf()).with(TestAccounts.as(admin))
            .param("username", uniqueName("nobody")))
            .andExpect(status().isOk()).andExpect(content().string(containsString("No account has that username")));
        mvc.perform(post("/admin/curators/revoke").with(csrf()).with(TestAccounts.as(admin))
            .param("username", admin.getUsername()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("You cannot remove your own curator role")));
        assertThat(roles(admin)).contains("ROLE_ADMIN");

        mvc.perform(post("/admin/curators/revoke").with(csrf()).with(TestAccounts.as(admin))
            .param("username", helper.getUsername()))
            .andExpect(redirectedUrl("/admin/curators"));
        assertThat(roles(helper)).doesNotContain("ROLE_ADMIN").contains("ROLE_USER");
        mvc.perform(get("/account").session(helperSession)).andExpect(redirectedUrl("/login?ended"));
    }

    String roles(AccountPrincipal account) {
        return jdbc.queryForObject("select roles from account where id = ?", String.class, account.id());
    }

    @Test
    void theFirstAdminIsCreatedOrPromotedFromConfigurationAndNeedsAGoodPassword() {
        String name = uniqueName("first");
        new FirstAdmin(accounts, passwords, name, "the lighthouse keeper sleeps at noon").run(null);
        assertThat(jdbc.queryForObject("select roles from account where username_key = ?", String.class,
                name.toLowerCase())).contains("ROLE_ADMIN", "ROLE_USER");

        AccountPrincipal existing = testAccount("promoted");
        new FirstAdmin(accounts, passwords, existing.getUsername(), "").run(null);
        assertThat(roles(existing)).contains("ROLE_ADMIN");

        String weak = uniqueName("weak");
        assertThatThrownBy(() -> new FirstAdmin(accounts, passwords, weak, "tiny").run(null))
            .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("tiny");
        assertThatThrownBy(() -> new FirstAdmin(accounts, passwords, weak, "passwordpassword").run(null))
            .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("passwordpassword");
        assertThat(jdbc.queryForObject("select count(*) from account where username_key = ?", Integer.class,
                weak.toLowerCase())).isZero();
        new FirstAdmin(accounts, passwords, "", "").run(null);
    }
}
