package org.counterspace.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.counterspace.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One Spring context for the account's MockMvc tests, with a stand-in for another feature: it
 * exports a record naming the account it was asked about and records {@link AccountDeleted}.
 * Each test uses its own client address, so attempt limits of one test never reach another.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AccountWebTestSupport.OtherFeature.class)
abstract class AccountWebTestSupport {

    static final String PASSWORD = "lanterns over a slow green river";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OtherFeature otherFeature;

    static String uniqueName(String prefix) {
        return prefix + "." + SEQUENCE.incrementAndGet() + "." + UUID.randomUUID().toString().substring(0, 6);
    }

    static String uniqueAddress() {
        int n = SEQUENCE.incrementAndGet();
        return "10." + (n / 65536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** Registers through the form; the returned session is signed in and holds the codes as flash. */
    MvcResult register(String username, String password) throws Exception {
        return mvc.perform(post("/register").with(csrf()).with(from(uniqueAddress()))
            .param("username", username).param("password", password).param("confirm", password)).andReturn();
    }

    @SuppressWarnings("unchecked")
    static List<String> codesOf(MvcResult registration) {
        return (List<String>) registration.getFlashMap().get(RegistrationController.CODES);
    }

    /** Signs in through the form and returns the signed-in session. */
    MockHttpSession signIn(String username, String password) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf()).with(from(uniqueAddress()))
            .param("username", username).param("password", password));
        return session;
    }

    UUID idOf(String username) {
        return jdbc.queryForObject("select id from account where username_key = ?", UUID.class,
                username.toLowerCase());
    }

    org.counterspace.account.AccountPrincipal testAccount(String prefix, String... roles) {
        return TestAccounts.create(jdbc, uniqueName(prefix), roles);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class OtherFeature implements PersonalDataExporter {

        final List<UUID> deleted = new CopyOnWriteArrayList<>();

        @Override
        public String section() {
            return "other";
        }

        @Override
        public Object export(UUID accountId) {
            return Map.of("owner", accountId.toString());
        }

        @EventListener
        void onDeleted(AccountDeleted event) {
            deleted.add(event.accountId());
        }
    }
}
