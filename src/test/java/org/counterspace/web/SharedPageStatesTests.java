package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Query pages of an earlier state (another minute, an older index) are dropped once a newer state is
 * asked for: they can never be replayed, and a search's query string may say where someone is.
 */
class SharedPageStatesTests {

    final AtomicReference<Object> state = new AtomicReference<>("minute 1");

    final SharedPageCache cache = new SharedPageCache(Set.of(new SharedPages() {

        @Override
        public Set<String> sharedPagePaths() {
            return Set.of();
        }

        @Override
        public Map<String, Supplier<Object>> sharedQueryPages() {
            return Map.of("/search", state::get);
        }
    }), false);

    /** A search page rendered for this query string, or replayed. */
    String visit(String query) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/search");
        request.setQueryString(query);
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(request, response, new MockFilterChain(new HttpServlet() {

            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("text/html;charset=UTF-8");
                resp.getWriter().write("<p>results for " + query + " in " + state.get() + "</p>");
            }
        }));
        return response.getContentAsString();
    }

    @Test
    void pagesOfAnEarlierStateAreDroppedWhenANewerOneIsAsked() throws Exception {
        visit("q=food&lat=51.501&lon=-0.142");
        visit("q=housing");
        assertThat(cache.size()).isEqualTo(2);
        assertThat(visit("q=housing")).isEqualTo("<p>results for q=housing in minute 1</p>");
        assertThat(cache.replays()).isEqualTo(1);

        state.set("minute 2");
        assertThat(visit("q=housing")).isEqualTo("<p>results for q=housing in minute 2</p>");
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.replays()).isEqualTo(1);
    }

    @Test
    void aStateThatCannotBeKnownIsRenderedEveryTimeAndNothingIsKept() throws Exception {
        state.set(null);
        visit("q=food");
        visit("q=food");
        assertThat(cache.size()).isZero();
        assertThat(cache.replays()).isZero();
    }
}
