package org.counterspace.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class GuideLibraryTests {

    private final GuideLibrary library = new GuideLibrary();

    @Test
    void everyShippedGuideLoadsInOrder() {
        List<Guide> guides = library.all();
        assertThat(guides).hasSizeGreaterThanOrEqualTo(4);
        assertThat(guides.get(0).slug()).isEqualTo("healing-at-home");
        assertThat(guides).extracting(Guide::order).isSorted();
        assertThat(guides).allSatisfy(guide -> {
            assertThat(guide.title()).isNotBlank();
            assertThat(guide.summary()).isNotBlank();
            assertThat(guide.sections()).isNotEmpty();
            assertThat(guide.readingMinutes()).isBetween(1, 10);
        });
    }

    /** The founding article is served faithfully: every paragraph, character for character. */
    @Test
    void foundingArticleKeepsEveryParagraphExactly() throws IOException {
        String seed = new ClassPathResource("seed/healing-at-home.txt").getContentAsString(StandardCharsets.UTF_8);
        List<String> paragraphs = Arrays.stream(seed.split("\\R\\s*\\R")).map(String::strip)
            .filter(p -> !p.isEmpty()).toList();
        assertThat(paragraphs).hasSize(6);

        Guide founding = library.find("healing-at-home").orElseThrow();
        String rendered = founding.plainText();
        assertThat(paragraphs).allSatisfy(paragraph -> assertThat(rendered).contains(paragraph));
    }

    @Test
    void previousAndNextFollowTheOrder() {
        List<Guide> guides = library.all();
        Guide first = guides.get(0);
        Guide second = guides.get(1);
        Guide last = guides.get(guides.size() - 1);
        assertThat(library.previous(first)).isEmpty();
        assertThat(library.next(first)).contains(second);
        assertThat(library.previous(second)).contains(first);
        assertThat(library.next(last)).isEmpty();
    }

    @Test
    void unknownSlugFindsNothing() {
        assertThat(library.find("no-such-guide")).isEmpty();
        assertThat(library.find("../etc/passwd")).isEmpty();
    }

    @Test
    void duplicateSlugsOrOrdersAreRefused() {
        Guide guide = library.all().get(0);
        Guide sameSlug = new Guide(guide.slug(), "Other", "S", 99, 1, "", List.of(), "x");
        Guide sameOrder = new Guide("another-slug", "Other", "S", guide.order(), 1, "", List.of(), "x");
        assertThatThrownBy(() -> new GuideLibrary(List.of(guide, sameSlug))).hasMessageContaining("slug");
        assertThatThrownBy(() -> new GuideLibrary(List.of(guide, sameOrder))).hasMessageContaining("order");
    }
}
