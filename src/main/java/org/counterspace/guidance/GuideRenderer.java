package org.counterspace.guidance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Turns one Markdown file with a front-matter block into a {@link Guide}. Raw HTML in the
 * Markdown is escaped and unsafe link schemes are dropped, so a guide can never inject markup.
 */
class GuideRenderer {

    static final int WORDS_PER_MINUTE = 200;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Parser parser = Parser.builder().extensions(List.of(YamlFrontMatterExtension.create())).build();

    private final HtmlRenderer html = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private final TextContentRenderer text = TextContentRenderer.builder().build();

    Guide render(String fileName, String markdown) {
        Node document;
        try {
            document = parser.parse(markdown);
        }
        catch (RuntimeException e) {
            // commonmark's front-matter reader can fail on a malformed block (an index out of bounds)
            throw new GuideFormatException(fileName, "the front matter could not be read");
        }
        YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
        document.accept(frontMatter);
        Map<String, List<String>> fields = frontMatter.getData();

        String slug = required(fileName, fields, "slug");
        if (!SLUG.matcher(slug).matches()) {
            throw new GuideFormatException(fileName, "slug '" + slug + "' must be lower-case words joined by hyphens");
        }
        String title = required(fileName, fields, "title");
        String summary = required(fileName, fields, "summary");
        int order;
        try {
            order = Integer.parseInt(required(fileName, fields, "order"));
        }
        catch (NumberFormatException e) {
            throw new GuideFormatException(fileName, "order must be a whole number");
        }

        StringBuilder intro = new StringBuilder();
        StringBuilder introText = new StringBuilder();
        List<SectionBuilder> sections = new ArrayList<>();
        IdGenerator anchors = IdGenerator.builder().build();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                throw new GuideFormatException(fileName, "use ## for sections; the title comes from the front matter");
            }
            if (node instanceof Heading heading && heading.getLevel() == 2) {
                String headingText = text.render(heading).strip();
                sections.add(new SectionBuilder(anchors.generateId(headingText), headingText));
            }
            else if (sections.isEmpty()) {
                intro.append(html.render(node));
                introText.append(text.render(node)).append('\n');
            }
            else {
                sections.get(sections.size() - 1).add(html.render(node), text.render(node));
            }
        }
        if (sections.isEmpty() && introText.isEmpty()) {
            throw new GuideFormatException(fileName, "the guide has no text");
        }

        List<GuideSection> built = sections.stream().map(SectionBuilder::build).toList();
        StringBuilder plain = new StringBuilder(introText);
        built.forEach(section -> plain.append(section.title()).append('\n').append(section.plainText()).append('\n'));
        String plainText = plain.toString().strip();
        return new Guide(slug, title, summary, order, readingMinutes(plainText), intro.toString(), built, plainText);
    }

    static int readingMinutes(String plainText) {
        long words = plainText.isBlank() ? 0 : plainText.strip().split("\\s+").length;
        return (int) Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
    }

    private static String required(String fileName, Map<String, List<String>> fields, String key) {
        List<String> values = fields.get(key);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            throw new GuideFormatException(fileName, "front matter needs '" + key + "'");
        }
        return values.get(0).strip();
    }

    private static final class SectionBuilder {

        private final String anchor;

        private final String title;

        private final StringBuilder html = new StringBuilder();

        private final StringBuilder text = new StringBuilder();

        SectionBuilder(String anchor, String title) {
            this.anchor = anchor;
            this.title = title;
        }

        void add(String nodeHtml, String nodeText) {
            html.append(nodeHtml);
            text.append(nodeText).append('\n');
        }

        GuideSection build() {
            return new GuideSection(anchor, title, html.toString(), text.toString().strip());
        }
    }
}
