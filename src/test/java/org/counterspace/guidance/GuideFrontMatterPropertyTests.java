package org.counterspace.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.counterspace.support.RandomInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style test of guide files with seeded random input (seed printed; {@code -Dparsers.seed=N}
 * repeats a run): a mutated guide is either rendered, with escaped HTML and a slug fit for a path, or
 * refused with a {@link GuideFormatException} naming the file, never anything else.
 */
class GuideFrontMatterPropertyTests {

    static final String GUIDE = "---\ntitle: A title\nsummary: A summary\norder: 3\nslug: a-guide\n---\n\n"
            + "Opening words.\n\n## First part\n\nOne <b>bold</b> claim.\n\n## Second part\n\nTwo *here*.\n";

    private final GuideRenderer renderer = new GuideRenderer();

    @BeforeAll
    static void seed() {
        System.out.println("GuideFrontMatterPropertyTests seed: " + RandomInput.SEED);
    }

    static Stream<Integer> cases() {
        return IntStream.range(0, 400).boxed();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aGuideIsRenderedOrRefusedByName(int n) {
        RandomInput input = new RandomInput(RandomInput.SEED + n);
        String markdown = n % 5 == 0 ? "---\n" + input.text(30) + "\n---\n" + input.text(30) : input.mutate(GUIDE);
        try {
            Guide guide = renderer.render("random.md", markdown);
            assertThat(guide.title()).isNotBlank();
            assertThat(guide.introHtml()).doesNotContain("<b>", "<script");
            assertThat(guide.sections()).allSatisfy(section -> assertThat(section.html()).doesNotContain("<b>", "<script"));
        }
        catch (GuideFormatException refused) {
            assertThat(refused.getMessage()).startsWith("random.md: ");
        }
    }
}
