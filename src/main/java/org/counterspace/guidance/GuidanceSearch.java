package org.counterspace.guidance;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * A small in-memory search over the guides' sections. The whole text is a few thousand words, so
 * a scan per query costs microseconds; every word of the query must appear (as a word start,
 * ignoring case, accents and simple endings such as "-s" or "-ing").
 */
@Component
class GuidanceSearch {

    static final int MAX_QUERY_LENGTH = 200;

    static final int MAX_TERMS = 12;

    static final int SNIPPET_LENGTH = 200;

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final List<Entry> entries = new ArrayList<>();

    GuidanceSearch(GuideLibrary library) {
        for (Guide guide : library.all()) {
            if (!guide.introHtml().isEmpty()) {
                String intro = guide.plainText();
                if (!guide.sections().isEmpty()) {
                    intro = intro.substring(0, intro.indexOf(guide.sections().get(0).title()));
                }
                entries.add(new Entry(guide, null, guide.title(), intro));
            }
            for (GuideSection section : guide.sections()) {
                entries.add(new Entry(guide, section, guide.title() + " " + section.title(), section.plainText()));
            }
        }
    }

    List<GuidanceHit> search(String query) {
        List<String> terms = terms(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        List<Scored> scored = new ArrayList<>();
        for (Entry entry : entries) {
            int score = entry.score(terms);
            if (score > 0) {
                scored.add(new Scored(entry, score));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed()
            .thenComparingInt(s -> s.entry().guide().order()));
        return scored.stream().map(s -> s.entry().hit(terms)).toList();
    }

    /** Over-long queries are cut, never refused. */
    static String cut(String query) {
        if (query == null) {
            return "";
        }
        return query.length() > MAX_QUERY_LENGTH ? query.substring(0, MAX_QUERY_LENGTH) : query;
    }

    /** Normalised query words. */
    static List<String> terms(String query) {
        return Arrays.stream(NON_WORD.split(normalise(cut(query))))
            .filter(word -> !word.isEmpty())
            .map(GuidanceSearch::stem)
            .distinct()
            .limit(MAX_TERMS)
            .toList();
    }

    static String normalise(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
            .replace('’', '\'')
            .toLowerCase(Locale.ROOT);
    }

    /** Strips a few English endings so "patterns" finds "pattern" and "journaling" finds "journal". */
    static String stem(String word) {
        for (String ending : new String[] { "ing", "ies", "es", "ed", "s" }) {
            if (word.length() > ending.length() + 3 && word.endsWith(ending)) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    private record Scored(Entry entry, int score) {
    }

    private record Entry(Guide guide, GuideSection section, String heading, String text, String[] headingWords,
            String[] words) {

        Entry(Guide guide, GuideSection section, String heading, String text) {
            this(guide, section, heading, text, NON_WORD.split(normalise(heading)), NON_WORD.split(normalise(text)));
        }

        int score(List<String> terms) {
            int total = 0;
            for (String term : terms) {
                int inHeading = count(headingWords, term);
                int inText = count(words, term);
                if (inHeading + inText == 0) {
                    return 0;
                }
                total += 5 * inHeading + inText;
            }
            return total;
        }

        private static int count(String[] haystack, String term) {
            int found = 0;
            for (String word : haystack) {
                if (word.startsWith(term)) {
                    found++;
                }
            }
            return found;
        }

        GuidanceHit hit(List<String> terms) {
            return new GuidanceHit(guide.slug(), guide.title(), section == null ? null : section.anchor(),
                    section == null ? null : section.title(), snippet(terms));
        }

        /** A window of text around the first place a query word appears. */
        private String snippet(List<String> terms) {
            String lower = normalise(text);
            int first = terms.stream().mapToInt(lower::indexOf).filter(i -> i >= 0).min().orElse(0);
            int lead = SNIPPET_LENGTH / 3;
            int start = first <= lead ? 0 : text.indexOf(' ', first - lead) + 1;
            int end = Math.min(text.length(), start + SNIPPET_LENGTH);
            int space = text.lastIndexOf(' ', end);
            if (end < text.length() && space > start) {
                end = space;
            }
            return (start > 0 ? "… " : "") + text.substring(start, end).replace('\n', ' ')
                    + (end < text.length() ? " …" : "");
        }
    }
}
