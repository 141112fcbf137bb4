package org.counterspace.directory.hsds;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "counterspace.directory.limits.api-requests=3")
@AutoConfigureMockMvc
class HsdsApiRateLimitTests {

    @Autowired
    MockMvc mvc;

    @Test
    void eachClientHasItsOwnBudget() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/taxonomies").with(r -> { r.setRemoteAddr("192.0.2.10"); return r; }))
                .andExpect(status().isOk());
        }
        mvc.perform(get("/api/taxonomies").with(r -> { r.setRemoteAddr("192.0.2.10"); return r; }))
            .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "60"))
            .andExpect(jsonPath("$.error").exists());
        mvc.perform(get("/api/taxonomies").with(r -> { r.setRemoteAddr("192.0.2.11"); return r; }))
            .andExpect(status().isOk());
    }
}
