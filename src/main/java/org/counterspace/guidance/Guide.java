package org.counterspace.guidance;

import java.util.List;

/**
 * One guide, rendered once at start-up.
 *
 * @param introHtml the rendered text before the first section heading (may be empty)
 * @param plainText the whole guide as plain text, for search and reading time
 */
public record Guide(String slug, String title, String summary, int order, int readingMinutes, String introHtml,
        List<GuideSection> sections, String plainText) {
}
