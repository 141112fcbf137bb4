package org.counterspace.directory.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Plain-language needs ({@code directory/needs.txt}): phrases people write about what is happening to
 * them, each mapped to a kind of support and the words searched for it instead. Matched here, on the
 * server; the words are neither logged nor sent anywhere.
 */
@Component
class Needs {

    static final String FILE = "directory/needs.txt";

    private static final Pattern KIND = Pattern.compile("\\[([a-z-]+)]\\s*(.+)");

    /** A kind of support ({@code kind} names its message) and the words searched for it. */
    record Need(String kind, String search) {
    }

    private record Phrase(String words, Need need) {
    }

    private final List<Phrase> phrases;

    Needs() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            this.phrases = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Phrase> parse(String text) {
        List<Phrase> phrases = new ArrayList<>();
        Need need = null;
        for (String line : text.lines().map(String::strip).toList()) {
            Matcher kind = KIND.matcher(line);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (kind.matches()) {
                need = new Need(kind.group(1), kind.group(2).strip());
            }
            else if (need != null) {
                Need current = need;
                Arrays.stream(line.split(",")).map(Needs::normalise).filter(p -> !p.isBlank())
                    .forEach(p -> phrases.add(new Phrase(p, current)));
            }
            else {
                throw new IllegalStateException(FILE + ": a phrase before any [kind]: " + line);
            }
        }
        // the longest phrase wins; a stable sort keeps the file's order among phrases of one length
        phrases.sort(Comparator.comparingInt((Phrase p) -> p.words().split(" ").length).reversed());
        return List.copyOf(phrases);
    }

    /** The need a search describes, if it holds one of the phrases as whole words. */
    Optional<Need> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String words = " " + normalise(text) + " ";
        return phrases.stream().filter(p -> words.contains(" " + p.words() + " ")).findFirst().map(Phrase::need);
    }

    /** Lower case, curly apostrophes straight, anything but letters, digits and apostrophes a single space. */
    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("[^\\p{L}\\p{N}']+", " ").strip();
    }
}
