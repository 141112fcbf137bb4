package org.counterspace.guidance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * All guides, read from {@code classpath:guidance/*.md} and rendered once when the application
 * starts: the pages are the same for everyone, so no request pays for Markdown.
 */
@Component
class GuideLibrary {

    static final String LOCATION = "classpath*:guidance/*.md";

    private final List<Guide> guides;

    private final Map<String, Guide> bySlug = new LinkedHashMap<>();

    GuideLibrary() {
        this(loadAll(new PathMatchingResourcePatternResolver(), LOCATION));
    }

    GuideLibrary(List<Guide> guides) {
        List<Guide> sorted = new ArrayList<>(guides);
        sorted.sort(Comparator.comparingInt(Guide::order).thenComparing(Guide::slug));
        Set<Integer> orders = new HashSet<>();
        for (Guide guide : sorted) {
            if (bySlug.putIfAbsent(guide.slug(), guide) != null) {
                throw new GuideFormatException(guide.slug(), "two guides share this slug");
            }
            if (!orders.add(guide.order())) {
                throw new GuideFormatException(guide.slug(), "two guides share order " + guide.order());
            }
        }
        this.guides = List.copyOf(sorted);
    }

    static List<Guide> loadAll(ResourcePatternResolver resolver, String location) {
        GuideRenderer renderer = new GuideRenderer();
        List<Guide> loaded = new ArrayList<>();
        try {
            for (Resource resource : resolver.getResources(location)) {
                String markdown = resource.getContentAsString(StandardCharsets.UTF_8);
                loaded.add(renderer.render(resource.getFilename(), markdown));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the guides at " + location, e);
        }
        if (loaded.isEmpty()) {
            throw new GuideFormatException(location, "no guides found");
        }
        return loaded;
    }

    List<Guide> all() {
        return guides;
    }

    Optional<Guide> find(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    Optional<Guide> previous(Guide guide) {
        int index = guides.indexOf(guide);
        return index > 0 ? Optional.of(guides.get(index - 1)) : Optional.empty();
    }

    Optional<Guide> next(Guide guide) {
        int index = guides.indexOf(guide);
        return index >= 0 && index < guides.size() - 1 ? Optional.of(guides.get(index + 1)) : Optional.empty();
    }
}
