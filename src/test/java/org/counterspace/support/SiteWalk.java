package org.counterspace.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Follows every link within the site from a few start pages, as a person clicking around would, and
 * keeps each HTML page once (a path with another query string, such as the next page of results or
 * another month, counts as seen). It never follows the quick exit, sign-out, assets or the JSON API.
 */
public final class SiteWalk {

    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"]*)\"");

    private static final Pattern TITLE = Pattern.compile("<title\\b[^>]*>(.*?)</title>", Pattern.DOTALL);

    private static final Pattern H1 = Pattern.compile("<h1\\b[^>]*>(.*?)</h1>", Pattern.DOTALL);

    private static final List<String> NOT_PAGES = List.of("/assets/", "/exit", "/logout", "/api",
            "/signed-out-for-inactivity");

    private static final int MAX_PAGES = 400;

    private SiteWalk() {
    }

    /** Each page reached, by its path, with its HTML as first reached (with that address's query, if any). */
    public static Map<String, String> from(MockMvc mvc, RequestPostProcessor who, String... starts) throws Exception {
        return under(mvc, "", who, starts);
    }

    /**
     * The same walk with the app deployed under {@code contextPath} ("/cs"): each request is made there, and
     * every link a page holds must lead there too. Pages are keyed by their path within the app.
     */
    public static Map<String, String> under(MockMvc mvc, String contextPath, RequestPostProcessor who, String... starts)
            throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        Deque<String> next = new ArrayDeque<>(List.of(starts));
        Set<String> seen = new HashSet<>();
        while (!next.isEmpty() && pages.size() < MAX_PAGES) {
            String url = next.poll();
            String path = pathOf(url);
            if (!seen.add(path) || NOT_PAGES.stream().anyMatch(url::startsWith)) {
                continue;
            }
            MockHttpServletResponse response = mvc
                .perform(get(contextPath + url).contextPath(contextPath).with(who).accept(MediaType.TEXT_HTML))
                .andReturn().getResponse();
            assertThat(response.getStatus()).as("answer to " + url).isLessThan(500);
            String type = response.getContentType();
            if (response.getStatus() != 200 || type == null || !type.startsWith(MediaType.TEXT_HTML_VALUE)) {
                continue;
            }
            String html = response.getContentAsString();
            pages.put(path, html);
            Matcher link = LINK.matcher(html);
            while (link.find()) {
                String target = link.group(1).replace("&amp;", "&");
                assertThat(target).as("a link on " + url).startsWith(contextPath + "/");
                next.add(target.substring(contextPath.length()));
            }
        }
        return pages;
    }

    /** The text of every {@code <title>}: the page's own, and any chart's. */
    public static List<String> titles(String html) {
        return texts(TITLE, html);
    }

    public static List<String> headings(String html) {
        return texts(H1, html);
    }

    private static List<String> texts(Pattern element, String html) {
        List<String> texts = new ArrayList<>();
        Matcher matcher = element.matcher(html);
        while (matcher.find()) {
            texts.add(matcher.group(1).replaceAll("<[^>]*>", "").strip());
        }
        return texts;
    }

    private static String pathOf(String url) {
        int end = url.length();
        for (char mark : new char[] { '?', '#' }) {
            int at = url.indexOf(mark);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return url.substring(0, end);
    }
}
