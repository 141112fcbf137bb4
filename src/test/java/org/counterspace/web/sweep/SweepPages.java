package org.counterspace.web.sweep;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.counterspace.support.TestAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads a page as a browser would submit it: its same-site links and its forms, each form with the
 * values a person would send (what the page filled in, the first choice where nothing is chosen, and
 * a plausible value for an empty field), so the battery can change one parameter at a time.
 */
final class SweepPages {

    private static final String BASE = "http://sweep.invalid";

    private static final AtomicInteger NAMES = new AtomicInteger();

    /** A password that never matches: forms that would remove the account get it instead of the real one. */
    static final String WRONG_PASSWORD = "not the password of this account at all";

    /** A same-site target: its path, and its query parameters. */
    record Target(String path, MultiValueMap<String, String> query) {

        String url() {
            return UriComponentsBuilder.fromPath(path).queryParams(query).encode().build().toUriString();
        }
    }

    /** A form as found: its method, action, values to send, other field names and upload fields. */
    record Form(String method, Target action, Map<String, List<String>> values, Set<String> otherNames,
            Set<String> files) {
    }

    private SweepPages() {
    }

    static Document parse(String html, String url) {
        return Jsoup.parse(html, BASE + url);
    }

    /** Links to pages of this site (not assets), without fragments. */
    static List<Target> links(Document page) {
        List<Target> links = new ArrayList<>();
        for (Element a : page.select("a[href]")) {
            Target target = target(a.absUrl("href"));
            if (target != null && !target.path().startsWith("/assets/")) {
                links.add(target);
            }
        }
        return links;
    }

    static Target target(String absolute) {
        if (!absolute.startsWith(BASE + "/")) {
            return null;
        }
        URI uri = URI.create(absolute.replace(" ", "%20"));
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        UriComponentsBuilder.fromUri(uri).build().getQueryParams().forEach((name, values) -> values
            .forEach(v -> query.add(decode(name), v == null ? "" : decode(v))));
        return new Target(uri.getPath(), query);
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    static List<Form> forms(Document page, String username) {
        List<Form> forms = new ArrayList<>();
        for (Element form : page.select("form")) {
            String method = form.attr("method").isBlank() ? "GET" : form.attr("method").toUpperCase(Locale.ROOT);
            Target action = target(form.hasAttr("action") && !form.attr("action").isBlank() ? form.absUrl("action")
                    : page.location());
            if (action == null) {
                continue;
            }
            boolean removesAccount = action.path().endsWith("/delete") && action.path().startsWith("/account");
            Map<String, List<String>> values = new LinkedHashMap<>();
            action.query().forEach((name, v) -> values.put(name, new ArrayList<>(v)));
            Set<String> others = new LinkedHashSet<>();
            Set<String> files = new LinkedHashSet<>();
            for (Element field : form.select("input[name], select[name], textarea[name], button[name]")) {
                String name = field.attr("name");
                if (name.equals("_csrf")) {
                    continue;
                }
                String value = value(field, removesAccount, username);
                if (field.tagName().equals("input") && field.attr("type").equalsIgnoreCase("file")) {
                    files.add(name);
                }
                else if (value == null) {
                    others.add(name);
                }
                else if (!isChoice(field) || !values.containsKey(name) || field.hasAttr("checked")) {
                    List<String> list = values.computeIfAbsent(name, n -> new ArrayList<>());
                    if (isChoice(field) && field.attr("type").equalsIgnoreCase("radio")) {
                        list.clear();
                    }
                    if (!list.contains(value)) {
                        list.add(value);
                    }
                }
            }
            others.removeAll(values.keySet());
            forms.add(new Form(method, new Target(action.path(), new LinkedMultiValueMap<>()), values, others, files));
        }
        return forms;
    }

    private static boolean isChoice(Element field) {
        String type = field.attr("type").toLowerCase(Locale.ROOT);
        return field.tagName().equals("input") && (type.equals("radio") || type.equals("checkbox"));
    }

    /** The value a person would send for this field, or null when it sends none (an unticked box). */
    private static String value(Element field, boolean removesAccount, String username) {
        String type = field.attr("type").toLowerCase(Locale.ROOT);
        String given = field.attr("value");
        switch (field.tagName()) {
            case "select":
                Element chosen = field.selectFirst("option[selected]");
                if (chosen == null) {
                    chosen = field.select("option").stream().filter(o -> !o.attr("value").isEmpty()).findFirst()
                        .orElse(field.selectFirst("option"));
                }
                return chosen == null ? null : chosen.hasAttr("value") ? chosen.attr("value") : chosen.text();
            case "textarea":
                return field.text().isEmpty() ? SweepDownloads.MARKER : field.text();
            case "button":
                return given;
            default:
                break;
        }
        switch (type) {
            case "checkbox":
                return field.hasAttr("checked") ? (given.isEmpty() ? "on" : given) : null;
            case "radio":
                return given;
            case "submit", "hidden", "button", "image", "reset":
                return given;
            case "password":
                return removesAccount ? WRONG_PASSWORD : TestAccounts.PASSWORD;
            default:
                return given.isEmpty() ? filler(type, field.attr("name"), field.attr("min"), username) : given;
        }
    }

    /** A plausible text for an empty field, by its name: a username, a coordinate, or the sweep's text. */
    private static String textFiller(String name, String username) {
        if (name.contains("username")) {
            return username != null ? username : "sweep.new." + NAMES.incrementAndGet();
        }
        if (name.startsWith("lat")) {
            return "51.5";
        }
        if (name.startsWith("lon") || name.startsWith("lng")) {
            return "-0.12";
        }
        return SweepDownloads.MARKER;
    }

    private static String filler(String type, String name, String min, String username) {
        return switch (type) {
            case "date" -> LocalDate.now().minusDays(1).toString();
            case "month" -> YearMonth.now().toString();
            case "number", "range" -> min.isEmpty() ? "1" : min;
            case "email" -> "sweep@example.org";
            case "url" -> "https://example.org/";
            case "tel" -> "020 7946 0000";
            case "time" -> "09:00";
            default -> textFiller(name.toLowerCase(Locale.ROOT), username);
        };
    }
}
