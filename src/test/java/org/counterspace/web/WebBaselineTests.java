package org.counterspace.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(properties = "counterspace.metrics.token=" + WebBaselineTests.METRICS_TOKEN)
@AutoConfigureMockMvc
@Import(WebBaselineTests.FailingPage.class)
class WebBaselineTests {

    static final String METRICS_TOKEN = "a-scrapers-token-of-forty-characters-0001";

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = { "/", "/guidance", "/guidance/healing-at-home", "/help", "/privacy" })
    void everyPageCarriesSecurityHeadersCrisisLinkAndQuickExit(String path) throws Exception {
        mvc.perform(get(path))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Security-Policy", allOf(containsString("default-src 'self'"),
                    containsString("frame-ancestors 'none'"), containsString("object-src 'none'"),
                    containsString("base-uri 'self'"), containsString("form-action 'self'"),
                    not(containsString("unsafe-inline")), not(containsString("unsafe-eval")))))
            .andExpect(header().string("Referrer-Policy", "no-referrer"))
            .andExpect(header().string("X-Content-Type-Options", "nosniff"))
            .andExpect(header().string("X-Frame-Options", "DENY"))
            .andExpect(header().string("Permissions-Policy",
                    allOf(containsString("camera=()"), containsString("microphone=()"),
                            containsString("geolocation=(self)"))))
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andExpect(content().string(containsString("href=\"/help\"")))
            .andExpect(content().string(containsString("href=\"/exit\"")))
            .andExpect(content().string(containsString("href=\"/privacy\"")))
            .andExpect(content().string(not(containsString("style=\""))))
            .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void assetsAreServedWithACacheLifetime() throws Exception {
        mvc.perform(get("/assets/css/site.css"))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", containsString("max-age=86400")));
    }

    @Test
    void robotsTxtIsPublic() throws Exception {
        mvc.perform(get("/robots.txt")).andExpect(status().isOk())
            .andExpect(content().string(containsString("Disallow: /exit")));
    }

    @Test
    void healthIsPublicOtherActuatorEndpointsAreNot() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
            .andExpect(content().string(containsString("UP")));
        mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/beans").with(user("someone").roles("USER"))).andExpect(status().isForbidden());
    }

    /** What a load balancer asks: the app's own state and the database, both public, no details. */
    @Test
    void readinessAndLivenessArePublic() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
            .andExpect(content().json("{\"status\":\"UP\"}", JsonCompareMode.STRICT));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
            .andExpect(content().string(containsString("UP")));
    }

    /** Prometheus metrics only for admins, with request timings per route; no outbox gauge without outbox polling. */
    @Test
    void prometheusMetricsAreForAdminsOnly() throws Exception {
        mvc.perform(get("/guidance")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(user("someone").roles("USER"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(user("admin").roles("USER", "ADMIN")))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/plain"))
            .andExpect(content().string(allOf(containsString("http_server_requests_seconds_count{"),
                    containsString("uri=\"/guidance\""), not(containsString("counterspace_search_outbox")))));
    }

    /** A scraper's token opens the Prometheus endpoint alone, for that request alone. */
    @Test
    void aScrapersTokenOpensThePrometheusEndpointOnly() throws Exception {
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + METRICS_TOKEN))
            .andExpect(status().isOk())
            .andExpect(header().doesNotExist("Set-Cookie"))
            .andExpect(content().string(containsString("http_server_requests_seconds_count{")));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + METRICS_TOKEN.replace('1', '2')))
            .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/env").header("Authorization", "Bearer " + METRICS_TOKEN))
            .andExpect(status().isUnauthorized());
    }

    @Test
    void serverErrorsShowAFriendlyPageWithoutDetails() throws Exception {
        mvc.perform(get("/test-only/fail"))
            .andExpect(status().isInternalServerError())
            .andExpect(content().string(containsString("Something went wrong on our side")))
            .andExpect(content().string(not(containsString("SECRET-DETAIL"))))
            .andExpect(content().string(not(containsString("IllegalStateException"))))
            .andExpect(content().string(not(containsString("at org.counterspace"))));
    }

    @Test
    void malformedParametersAreA400NotA500() throws Exception {
        mvc.perform(get("/test-only/number").param("n", "not-a-number"))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(containsString("did not look right")));
    }

    @Test
    void postWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/guidance")).andExpect(status().isForbidden());
    }

    @TestConfiguration
    static class FailingPage {

        @Bean
        HttpSecurityCustomizer testOnlyPagesArePublic() {
            return (HttpSecurity http) -> http.authorizeHttpRequests(auth -> auth.requestMatchers("/test-only/**").permitAll());
        }

        @Bean
        Pages pages() {
            return new Pages();
        }
    }

    @RestController
    static class Pages {

        @GetMapping("/test-only/fail")
        String fail() {
            throw new IllegalStateException("SECRET-DETAIL from the database");
        }

        @GetMapping("/test-only/number")
        String number(@org.springframework.web.bind.annotation.RequestParam int n) {
            return "n=" + n;
        }
    }
}
