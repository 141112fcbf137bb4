package org.counterspace.directory.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;

/**
 * The words and phrases of {@code directory/synonyms.txt}, each with what else it finds: the other
 * entries of a line of one meaning ({@code a, b, c}), or the right side of a one-way line
 * ({@code a, b => c, d}). Lines add up, so a word on several lines finds what each gives it.
 */
record Synonyms(Map<String, Set<String>> expansions) {

    static final String FILE = "directory/synonyms.txt";

    static Synonyms load() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Synonyms parse(String text) {
        Map<String, Set<String>> expansions = new LinkedHashMap<>();
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] sides = line.toLowerCase(Locale.ROOT).split("=>", 2);
            List<String> left = entries(sides[0]);
            List<String> right = sides.length == 2 ? entries(sides[1]) : left;
            for (String word : left) {
                Set<String> found = expansions.computeIfAbsent(word, w -> new LinkedHashSet<>());
                right.stream().filter(other -> !other.equals(word)).forEach(found::add);
            }
        }
        return new Synonyms(expansions);
    }

    private static List<String> entries(String side) {
        return Arrays.stream(side.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }
}
