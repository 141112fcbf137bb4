package org.counterspace.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.counterspace.directory.NationalLines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class SafetyControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    NationalLines nationalLines;

    @Test
    void everyNationalLineNamesItsSource() {
        assertThat(nationalLines.regions()).isNotEmpty();
        assertThat(nationalLines.regions()).allSatisfy(region -> {
            assertThat(region.emergency()).isNotBlank();
            assertThat(region.lines()).allSatisfy(line -> {
                assertThat(line.source()).startsWith("https://");
                assertThat(line.phone() != null || line.text() != null).isTrue();
                assertThat(line.topic()).isIn("crisis", "domestic-abuse", "youth", "lgbtq");
            });
        });
    }

    @Test
    void helpShowsTheDefaultRegionFirst() throws Exception {
        mvc.perform(get("/help"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("<h2 id=\"chosen-region\">United Kingdom</h2>")))
            .andExpect(content().string(containsString("href=\"tel:116123\"")))
            .andExpect(content().string(containsString("https://www.samaritans.org/")));
    }

    @Test
    void helpShowsTheChosenRegionAndIgnoresTamperedCodes() throws Exception {
        mvc.perform(get("/help").param("region", "us"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("<h2 id=\"chosen-region\">United States</h2>")))
            .andExpect(content().string(containsString("href=\"tel:988\"")));
        mvc.perform(get("/help").param("region", "<script>x</script>"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("<h2 id=\"chosen-region\">United Kingdom</h2>")));
    }

    @Test
    void exitEndsTheSessionAndLeavesForANeutralPage() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/exit").session(session))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("https://www.bbc.co.uk/weather"))
            .andExpect(header().string("Clear-Site-Data", containsString("cookies")));
        assertThat(session.isInvalid()).isTrue();
    }
}
