package org.counterspace.guidance;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class GuidanceControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    GuideLibrary library;

    @Test
    void homeListsTheGuides() throws Exception {
        mvc.perform(get("/"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Healing while you still live there")))
            .andExpect(content().string(containsString("href=\"/guidance/building-counter-environments\"")));
    }

    @Test
    void indexListsEveryGuideWithReadingTime() throws Exception {
        var result = mvc.perform(get("/guidance")).andExpect(status().isOk());
        for (Guide guide : library.all()) {
            result.andExpect(content().string(containsString("href=\"/guidance/" + guide.slug() + "\"")));
        }
        result.andExpect(content().string(containsString("minutes to read")));
    }

    @Test
    void guidePageHasTableOfContentsAnchorsAndPager() throws Exception {
        Guide first = library.all().get(0);
        Guide second = library.all().get(1);
        var result = mvc.perform(get("/guidance/" + first.slug()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("<h1>" + first.title().replace("’", "&rsquo;"))))
            .andExpect(content().string(containsString("href=\"/guidance/" + second.slug() + "\"")));
        for (GuideSection section : first.sections()) {
            result.andExpect(content().string(containsString("href=\"#" + section.anchor() + "\"")))
                .andExpect(content().string(containsString("id=\"" + section.anchor() + "\"")));
        }
    }

    @Test
    void unknownGuideIsAFriendly404() throws Exception {
        mvc.perform(get("/guidance/no-such-guide"))
            .andExpect(status().isNotFound())
            .andExpect(content().string(containsString("We could not find that page")))
            .andExpect(content().string(containsString("href=\"/exit\"")));
    }

    @Test
    void searchShowsHitsEscapesTheQueryAndCutsHugeOnes() throws Exception {
        mvc.perform(get("/guidance").param("q", "nervous system"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Results for")))
            .andExpect(content().string(containsString("/guidance/healing-at-home#")));
        mvc.perform(get("/guidance").param("q", "<script>alert(1)</script>"))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("<script>alert(1)"))))
            .andExpect(content().string(containsString("&lt;script&gt;")));
        mvc.perform(get("/guidance").param("q", "x".repeat(10_000)))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("x".repeat(201)))));
    }
}
