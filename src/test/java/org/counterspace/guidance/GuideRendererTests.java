package org.counterspace.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GuideRendererTests {

    private final GuideRenderer renderer = new GuideRenderer();

    private static String guide(String frontMatter, String body) {
        return "---\n" + frontMatter + "---\n\n" + body;
    }

    private static final String VALID_FRONT = "title: A title\nsummary: A summary\norder: 3\nslug: a-guide\n";

    @Test
    void readsFrontMatterAndSplitsSections() {
        Guide guide = renderer.render("a.md", guide(VALID_FRONT,
                "Opening words.\n\n## First part\n\nOne.\n\n## Second part\n\nTwo *here*.\n"));

        assertThat(guide.slug()).isEqualTo("a-guide");
        assertThat(guide.title()).isEqualTo("A title");
        assertThat(guide.summary()).isEqualTo("A summary");
        assertThat(guide.order()).isEqualTo(3);
        assertThat(guide.introHtml()).isEqualTo("<p>Opening words.</p>\n");
        assertThat(guide.sections()).extracting(GuideSection::anchor).containsExactly("first-part", "second-part");
        assertThat(guide.sections().get(1).html()).isEqualTo("<p>Two <em>here</em>.</p>\n");
        assertThat(guide.plainText()).contains("Opening words.", "First part", "Two here.");
    }

    @Test
    void repeatedHeadingsGetDistinctAnchors() {
        Guide guide = renderer.render("a.md", guide(VALID_FRONT, "## Again\n\nx\n\n## Again\n\ny\n"));
        assertThat(guide.sections()).extracting(GuideSection::anchor).containsExactly("again", "again-1");
    }

    @Test
    void rawHtmlIsEscapedAndUnsafeLinksAreDropped() {
        Guide guide = renderer.render("a.md", guide(VALID_FRONT,
                "<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>\n"));
        assertThat(guide.introHtml()).doesNotContain("<script", "<img", "javascript:")
            .contains("&lt;script&gt;", "&lt;img");
    }

    @Test
    void readingTimeRoundsUpAtTwoHundredWordsAMinute() {
        assertThat(GuideRenderer.readingMinutes("")).isEqualTo(1);
        assertThat(GuideRenderer.readingMinutes("word ".repeat(200))).isEqualTo(1);
        assertThat(GuideRenderer.readingMinutes("word ".repeat(201))).isEqualTo(2);
        assertThat(GuideRenderer.readingMinutes("word ".repeat(1000))).isEqualTo(5);
    }

    @Test
    void missingFrontMatterFieldsAreReportedWithTheFileName() {
        assertThatThrownBy(() -> renderer.render("broken.md", guide("title: T\norder: 1\nslug: s\n", "Text.")))
            .isInstanceOf(GuideFormatException.class)
            .hasMessageContaining("broken.md")
            .hasMessageContaining("summary");
        assertThatThrownBy(() -> renderer.render("nofront.md", "Just text, no front matter."))
            .isInstanceOf(GuideFormatException.class)
            .hasMessageContaining("slug");
    }

    @Test
    void badOrderSlugOrTitleHeadingIsRefused() {
        assertThatThrownBy(() -> renderer.render("o.md",
                guide("title: T\nsummary: S\norder: first\nslug: s\n", "Text.")))
            .hasMessageContaining("order");
        assertThatThrownBy(() -> renderer.render("s.md",
                guide("title: T\nsummary: S\norder: 1\nslug: Not A Slug\n", "Text.")))
            .hasMessageContaining("slug");
        assertThatThrownBy(() -> renderer.render("h.md", guide(VALID_FRONT, "# Title again\n\nText.")))
            .hasMessageContaining("##");
    }
}
