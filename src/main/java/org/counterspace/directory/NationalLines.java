package org.counterspace.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The well-known national crisis and support lines, per country, read once from
 * {@code directory/national-lines.json}. Each line names the page where its organisation publishes it.
 */
@Component
public class NationalLines {

    static final String RESOURCE = "directory/national-lines.json";

    private final Catalogue catalogue;

    NationalLines() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            this.catalogue = JsonMapper.builder().build().readValue(in, Catalogue.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    public LocalDate reviewed() {
        return catalogue.reviewed();
    }

    public List<Region> regions() {
        return catalogue.regions();
    }

    /** The region for a code the visitor chose; unknown or tampered codes find nothing. */
    public Optional<Region> region(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return catalogue.regions().stream().filter(region -> region.code().equals(wanted)).findFirst();
    }

    record Catalogue(LocalDate reviewed, String about, List<Region> regions) {
    }

    /**
     * A country or region, with its emergency number, lines, and ways to get help when speaking is not
     * safe (none where we know of no particular way).
     */
    public record Region(String code, String emergency, List<Line> lines, List<Way> cannotSpeak) {

        public Region {
            cannotSpeak = cannotSpeak == null ? List.of() : List.copyOf(cannotSpeak);
        }
    }

    /**
     * One line. {@code topic} is one of crisis, domestic-abuse, youth, lgbtq; {@code phone}, {@code text}
     * and {@code chat} (the page with its live chat) may be absent, but not all three; {@code textKeyword}
     * is the word to send by text, if any; {@code hours} absent means "on their page"; {@code area}, where
     * the line serves only part of the country ("England"); {@code checked}, the day the line was last
     * checked against its source, when that is later than the whole list's review.
     */
    public record Line(String name, String topic, String phone, String text, String textKeyword, String chat,
            String hours, String area, String source, LocalDate checked) {
    }

    /** A way to get help without speaking aloud: what to do, step by step, its source and when that was checked. */
    public record Way(String title, List<String> steps, String source, LocalDate checked) {
    }
}
