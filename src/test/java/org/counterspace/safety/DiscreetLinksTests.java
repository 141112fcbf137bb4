package org.counterspace.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Carrying discreet=1 in links: random app URLs keep their path, query and fragment, plus the flag once. */
class DiscreetLinksTests {

    record Link(String path, String query, String fragment) {

        String url() {
            return path + (query.isEmpty() ? "" : "?" + query) + (fragment.isEmpty() ? "" : "#" + fragment);
        }
    }

    static Stream<Link> randomAppLinks() {
        Random random = new Random(20261124);
        String[] segments = { "guidance", "help", "safety-plan", "versions", "a-b", "x%20y", "privacy" };
        String[] params = { "region=GB", "q=front+door", "page=2", "discreetness=1", "a=discreet%3D1", "x" };
        return IntStream.range(0, 200).mapToObj(i -> {
            StringBuilder path = new StringBuilder();
            int depth = random.nextInt(4);
            for (int d = 0; d < depth; d++) {
                path.append('/').append(segments[random.nextInt(segments.length)]);
            }
            if (path.isEmpty()) {
                path.append('/');
            }
            StringBuilder query = new StringBuilder();
            int count = random.nextInt(3);
            for (int p = 0; p < count; p++) {
                query.append(p == 0 ? "" : "&").append(params[random.nextInt(params.length)]);
            }
            String fragment = random.nextBoolean() ? "" : segments[random.nextInt(segments.length)];
            return new Link(path.toString(), query.toString(), fragment);
        });
    }

    @ParameterizedTest
    @MethodSource("randomAppLinks")
    void addsTheFlagOnceAndKeepsEverythingElse(Link link) {
        String carried = SafetyPageFilter.PageResponse.carry(link.url(), "");
        String expectedQuery = link.query().isEmpty() ? "discreet=1" : link.query() + "&discreet=1";
        assertThat(carried).isEqualTo(new Link(link.path(), expectedQuery, link.fragment()).url());
        assertThat(SafetyPageFilter.PageResponse.carry(carried, "")).as("idempotent").isEqualTo(carried);
    }

    @Test
    void leavesAssetsOtherSitesAndExplicitChoicesAlone() {
        for (String url : new String[] { "/assets/css/site.css", "https://www.samaritans.org/", "//evil.example/x",
                "tel:116123", "/privacy?discreet=0#discreet", "/help?region=IE&discreet=1", "#main" }) {
            assertThat(SafetyPageFilter.PageResponse.carry(url, "")).isEqualTo(url);
        }
        assertThat(SafetyPageFilter.PageResponse.carry("/app/assets/js/exit.js", "/app")).isEqualTo("/app/assets/js/exit.js");
        assertThat(SafetyPageFilter.PageResponse.carry("/app/help", "/app")).isEqualTo("/app/help?discreet=1");
    }
}
