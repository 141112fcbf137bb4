package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponseWrapper;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class PageExpressionObjectTests {

    @Test
    void aLinkIsTheAppPathUnderTheContextPathAsTheResponseRewritesIt() {
        HttpServletResponseWrapper discreet = new HttpServletResponseWrapper(new MockHttpServletResponse()) {
            @Override
            public String encodeURL(String url) {
                return url + "?discreet=1";
            }
        };

        PageExpressionObject.Page page = new PageExpressionObject.Page(null, null, discreet, "/ctx");

        assertThat(page.link("/checkins/7/edit")).isEqualTo("/ctx/checkins/7/edit?discreet=1");
    }
}
