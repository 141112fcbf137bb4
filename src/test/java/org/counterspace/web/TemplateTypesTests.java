package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.SiteWalk;
import org.counterspace.support.SomethingEverywhere;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pages read their objects through Spring's expression language, which compiles an expression to
 * bytecode only when the types it reads are public. On a package-private type every read goes back
 * through reflection and Thymeleaf's access checks, each time: that was over half the CPU of the
 * check-in history page. So every object a page is given, and every one it can reach through record
 * components and getters, is of a public type: checked on every page a curator with something
 * everywhere reaches, and on the public pages a visitor starts from.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TemplateTypesTests {

    private static final int DEPTH = 4;

    private static final int ELEMENTS = 20;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Test
    void everyTypeAPageReadsIsPublic() throws Exception {
        AccountPrincipal me = SomethingEverywhere.curator(mvc, jdbc, events, tx, false);
        RequestPostProcessor curator = TestAccounts.as(me);
        // days with and without a counter-environment, so that the trends page compares them
        UUID environment = jdbc.queryForObject("select id from counter_environment where account_id = ? order by position "
                + "limit 1", UUID.class, me.id());
        for (int daysAgo = 1; daysAgo <= 2; daysAgo++) {
            mvc.perform(post("/checkins/new").with(csrf()).with(curator)
                .param("day", LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo).toString()).param("mood", "4")
                .param("homePull", "3").param("environments", daysAgo == 1 ? environment.toString() : ""))
                .andExpect(status().is3xxRedirection());
        }
        Set<String> found = new TreeSet<>();
        Map<String, String> signedIn = SiteWalk.from(mvc, curator, "/", "/support?q=counselling&free=yes&open=now");
        String service = jdbc.queryForObject("select id from dir_service where status = 'active' order by name limit 1",
                String.class);
        List<String> visitor = List.of("/", "/guidance", "/support?q=counselling&free=yes&open=now",
                "/support/services/" + service, "/help", "/login", "/register");
        assertThat(signedIn).as("the walk reaches the personal pages").containsKeys("/checkins", "/checkins/trends",
                "/checkins/new", "/safety-plan", "/account", "/curate");
        assertThat(signedIn.get("/checkins/trends")).as("the trends page compares days").contains("helps-caption");
        for (String url : signedIn.keySet()) {
            found.addAll(nonPublicTypes(url, curator));
        }
        for (String url : visitor) {
            found.addAll(nonPublicTypes(url, anonymous()));
        }
        assertThat(found).as("page objects of a type that is not public (page: where it was reached)").isEmpty();
    }

    private List<String> nonPublicTypes(String url, RequestPostProcessor who) throws Exception {
        MvcResult result = mvc.perform(get(url).with(who).accept(MediaType.TEXT_HTML)).andReturn();
        List<String> found = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (result.getModelAndView() != null) {
            result.getModelAndView().getModel().forEach((name, value) -> visit(value, url + ": " + name, 0, seen, found));
        }
        // the pages' own request attributes; names with a dot are the framework's, which no page reads
        Collections.list(result.getRequest().getAttributeNames()).stream().filter(name -> !name.contains("."))
            .forEach(name -> visit(result.getRequest().getAttribute(name), url + ": request " + name, 0, seen, found));
        return found;
    }

    private void visit(Object value, String where, int depth, Set<Object> seen, List<String> found) {
        if (value == null || depth > DEPTH || !seen.add(value)) {
            return;
        }
        if (value instanceof Iterable<?> elements) {
            int n = 0;
            for (Object element : elements) {
                if (n++ == ELEMENTS) {
                    break;
                }
                visit(element, where + "[]", depth + 1, seen, found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.values().stream().limit(ELEMENTS).forEach(element -> visit(element, where + "[]", depth + 1, seen, found));
            return;
        }
        if (value instanceof Optional<?> optional) {
            optional.ifPresent(inner -> visit(inner, where, depth, seen, found));
            return;
        }
        Class<?> type = value.getClass();
        if (!type.getName().startsWith("org.counterspace.") || type.getName().contains("$$")) {
            return;
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            found.add(where + " is a " + type.getName());
        }
        for (Method reader : readers(type)) {
            try {
                visit(reader.invoke(value), where + "." + reader.getName(), depth + 1, seen, found);
            }
            catch (ReflectiveOperationException | RuntimeException notReadableHere) {
                // a lazy association outside its session, say: a page cannot read it either
            }
        }
    }

    /** Record components, or the public getters a page expression would call. */
    private static List<Method> readers(Class<?> type) {
        if (type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getAccessor).toList();
        }
        return Arrays.stream(type.getMethods())
            .filter(method -> method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers()))
            .filter(method -> method.getDeclaringClass().getName().startsWith("org.counterspace."))
            .filter(method -> method.getName().startsWith("get") || method.getName().startsWith("is"))
            .toList();
    }
}
