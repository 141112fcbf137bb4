package org.counterspace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every word a person reads comes from messages.properties: a template's own text is only a
 * placeholder, replaced by th:text, th:utext or th:errors. And every message key a template names exists.
 */
class TemplateTextTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private static final Pattern TEXT_NODE = Pattern.compile(">([^<>]*\\p{L}[^<>]*)<");

    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");

    @Test
    void templatesHaveNoTextOfTheirOwn() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template);
            Matcher text = TEXT_NODE.matcher(html);
            while (text.find()) {
                String openingTag = html.substring(html.lastIndexOf('<', text.start()), text.start() + 1);
                boolean replaced = openingTag.contains("th:text") || openingTag.contains("th:utext")
                        || openingTag.contains("th:errors");
                boolean closingOrComment = openingTag.startsWith("</") || openingTag.startsWith("<!");
                if (!replaced && !closingOrComment) {
                    problems.add(TEMPLATES.relativize(template) + ": \"" + text.group(1).strip() + "\"");
                }
                if (closingOrComment && !openingTag.startsWith("<!")) {
                    problems.add(TEMPLATES.relativize(template) + ": text after a closing tag: \""
                            + text.group(1).strip() + "\"");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMessageKeyUsedInATemplateExists() throws IOException {
        Properties messages = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/messages.properties"))) {
            messages.load(in);
        }
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher key = MESSAGE_KEY.matcher(Files.readString(template));
            while (key.find()) {
                if (!messages.containsKey(key.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
