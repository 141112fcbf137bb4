package org.counterspace.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import org.counterspace.account.AccountPrincipal;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Uploads an HSDS file on /curate/files as a curator does, and follows the answer: the upload answers
 * at once with the import's page, which is read again until its report is there.
 */
public final class ImportUploads {

    private ImportUploads() {
    }

    /** The import page with its report (the page no longer refreshes itself). */
    public static String upload(MockMvc mvc, AccountPrincipal curator, MockMultipartFile file) throws Exception {
        MvcResult answer = mvc.perform(multipart("/curate/files/import").file(file).with(csrf())
            .with(TestAccounts.as(curator))).andReturn();
        assertThat(answer.getResponse().getStatus()).as(answer.getResponse().getContentAsString()).isEqualTo(302);
        String job = answer.getResponse().getRedirectedUrl();
        assertThat(job).startsWith("/curate/files/imports/");
        return finished(mvc, curator, job);
    }

    /** The page at {@code job} once the import has ended (within a minute). */
    public static String finished(MockMvc mvc, AccountPrincipal curator, String job) throws Exception {
        for (int i = 0; i < 600; i++) {
            MvcResult page = mvc.perform(get(job).with(TestAccounts.as(curator))).andReturn();
            assertThat(page.getResponse().getStatus()).isEqualTo(200);
            String body = page.getResponse().getContentAsString();
            if (!body.contains("http-equiv=\"refresh\" content=\"2\"")) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import at " + job + " did not end within a minute");
    }
}
