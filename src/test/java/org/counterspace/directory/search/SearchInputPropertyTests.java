package org.counterspace.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.counterspace.directory.Categories;
import org.counterspace.support.RandomInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Property-style tests of the search query with seeded random input (seed printed; {@code
 * -Dparsers.seed=N} repeats a run): any query string gives a search within bounds and a link that
 * reads back as the same search; typed text is cut, never in the middle of a character.
 */
class SearchInputPropertyTests {

    static final List<String> NAMES = List.of("q", "category", "channel", "language", "age", "country", "free", "open",
            "place", "lat", "lon", "radius", "sort", "per_page", "page", "unknown");

    static final Gazetteer GAZETTEER = new Gazetteer("GB");

    @BeforeAll
    static void seed() {
        System.out.println("SearchInputPropertyTests seed: " + RandomInput.SEED);
    }

    static Stream<Integer> cases() {
        return IntStream.range(0, 400).boxed();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void anyQueryStringGivesASearchWithinBoundsThatItsLinkRepeats(int n) {
        RandomInput input = new RandomInput(RandomInput.SEED + n);
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (int i = input.random().nextInt(8); i > 0; i--) {
            // as a servlet decodes UTF-8: a lone surrogate cannot arrive, it is a replacement character by then
            String value = new String(input.text(n % 7 == 0 ? 300 : 6).getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
            params.add(NAMES.get(input.random().nextInt(NAMES.size())), value);
        }
        Set<String> categories = Categories.names().keySet();
        SearchRequest request = SearchRequest.from(params, categories, GAZETTEER, "GB");
        assertThat(request.text()).hasSizeLessThanOrEqualTo(QueryText.MAX_CHARS);
        assertThat(request.page()).isBetween(1, SearchRequest.MAX_PAGE);
        assertThat(request.perPage()).isBetween(1, SearchRequest.MAX_PER_PAGE);
        assertThat(SearchRequest.RADII).contains(request.radiusKm());
        request.toQuery(Instant.now());
        // the link holds text and place as cut (a cut may end in a space, which reads back stripped); where
        // the place is looked up again (and with it the distance order and radius) is the gazetteer's business
        SearchRequest again = SearchRequest.from(asServletReadsIt(request.url(request.page())), categories, GAZETTEER, "GB");
        assertThat(again).usingRecursiveComparison()
            .ignoringFields("text", "textCut", "place", "near", "placeUnknown", "sort", "radiusKm")
            .isEqualTo(request);
        assertThat(again.text()).isEqualTo(request.text().strip());
    }

    /** The link's query as a servlet container decodes it ('+' is a space, %XX a byte of UTF-8). */
    private static MultiValueMap<String, String> asServletReadsIt(String link) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        String query = link.contains("?") ? link.substring(link.indexOf('?') + 1) : "";
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                params.add(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void typedTextIsCutToTheLimitNeverInsideACharacter(int n) {
        RandomInput input = new RandomInput(RandomInput.SEED + n);
        String text = input.text(n % 2 == 0 ? 400 : 20) + "\uD83D\uDE00".repeat(input.random().nextInt(120));
        String cut = QueryText.cut(text);
        assertThat(text).startsWith(cut);
        assertThat(cut.length()).isLessThanOrEqualTo(QueryText.MAX_CHARS);
        assertThat(QueryText.tooLong(text)).isEqualTo(!cut.equals(text));
        if (!cut.isEmpty() && !cut.equals(text)) {
            assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))
                    && Character.isLowSurrogate(text.charAt(cut.length()))).as("splits a character").isFalse();
            assertThat(cut.length()).isGreaterThanOrEqualTo(QueryText.MAX_CHARS - 1);
        }
    }

    /** A '+' or a brace in the typed words was lost (or left unencoded) in the links to other pages. */
    @Test
    void theLinkToTheNextPageKeepsAPlusAndBraces() {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("q", "C++ {group} 50%");
        SearchRequest request = SearchRequest.from(params, Categories.names().keySet(), GAZETTEER, "GB");
        assertThat(request.url(2)).isEqualTo("/support?q=C%2B%2B%20%7Bgroup%7D%2050%25&page=2");
        assertThat(asServletReadsIt(request.url(2)).getFirst("q")).isEqualTo("C++ {group} 50%");
    }

    /** Text cut at the limit ended in half of an emoji, a character no page or index can show. */
    @Test
    void anEmojiAtTheLimitIsKeptWholeOrLeftOut() {
        String text = "a".repeat(QueryText.MAX_CHARS - 1) + "\uD83D\uDE00";
        assertThat(QueryText.cut(text)).isEqualTo("a".repeat(QueryText.MAX_CHARS - 1));
    }
}
