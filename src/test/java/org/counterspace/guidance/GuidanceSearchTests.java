package org.counterspace.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GuidanceSearchTests {

    private final GuidanceSearch search = new GuidanceSearch(new GuideLibrary());

    @Test
    void findsTheFoundingArticleByItsOwnWords() {
        List<GuidanceHit> hits = search.search("counter-environment");
        assertThat(hits).isNotEmpty();
        assertThat(hits).extracting(GuidanceHit::slug).contains("healing-at-home", "building-counter-environments");
    }

    @Test
    void everyWordMustMatchAndEndingsAreForgiven() {
        assertThat(search.search("front door")).extracting(GuidanceHit::slug).contains("healing-at-home");
        assertThat(search.search("patterns")).isNotEmpty();
        assertThat(search.search("pattern")).hasSameSizeAs(search.search("patterns"));
        assertThat(search.search("front zebra")).isEmpty();
    }

    @Test
    void caseAndAccentsDoNotMatter() {
        assertThat(search.search("THÉRAPY")).extracting(GuidanceHit::slug)
            .containsExactlyInAnyOrderElementsOf(search.search("therapy").stream().map(GuidanceHit::slug).toList());
    }

    @Test
    void hitsLinkToTheSectionAndCarryASnippetWithTheWord() {
        GuidanceHit hit = search.search("nervous system").get(0);
        assertThat(hit.anchor()).isNotBlank();
        assertThat(hit.snippet().toLowerCase()).contains("nervous");
        assertThat(hit.snippet().length()).isLessThanOrEqualTo(GuidanceSearch.SNIPPET_LENGTH + 4);
    }

    @Test
    void emptyOddOrHugeQueriesAreHarmless() {
        assertThat(search.search(null)).isEmpty();
        assertThat(search.search("   ")).isEmpty();
        assertThat(search.search("%%% ''' ;--")).isEmpty();
        assertThat(search.search("<script>alert(1)</script>")).isEmpty();
        assertThat(search.search("home ".repeat(5000))).isNotEmpty();
        assertThat(GuidanceSearch.terms("a b c d e f g h i j k l m n o p")).hasSize(GuidanceSearch.MAX_TERMS);
    }
}
