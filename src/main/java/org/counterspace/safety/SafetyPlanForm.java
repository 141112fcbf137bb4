package org.counterspace.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;

/**
 * The steps of a safety plan, in the order a person works through them. Each is free text; line
 * breaks are kept as plain newlines so a browser's CRLF does not count twice against the limit.
 * {@code addOnMyOwn}, {@code addCounterSpaces} and {@code addProfessionals} are the choices ticked under
 * those steps (the person's counter-environments and saved services): each is added to its step's text
 * on a line of its own unless a line already says it, before the length is checked, and the text stays
 * free to edit.
 */
public record SafetyPlanForm(@Size(max = MAX, message = TOO_LONG) String warningSigns,
        @Size(max = MAX, message = TOO_LONG) String onMyOwn,
        @Size(max = MAX, message = TOO_LONG) String counterSpaces,
        @Size(max = MAX, message = TOO_LONG) String peopleToAsk,
        @Size(max = MAX, message = TOO_LONG) String professionals,
        @Size(max = MAX, message = TOO_LONG) String saferSituation,
        @Size(max = MAX, message = TOO_LONG) String whatMatters, List<String> addOnMyOwn,
        List<String> addCounterSpaces, List<String> addProfessionals) {

    static final int MAX = 2000;

    static final String TOO_LONG = "{safety.plan.error.tooLong}";

    /** The step names, in order: form fields, message keys and export keys all use them. */
    static final List<String> STEPS = List.of("warningSigns", "onMyOwn", "counterSpaces", "peopleToAsk",
            "professionals", "saferSituation", "whatMatters");

    public SafetyPlanForm {
        warningSigns = clean(warningSigns);
        onMyOwn = withLines(clean(onMyOwn), addOnMyOwn);
        counterSpaces = withLines(clean(counterSpaces), addCounterSpaces);
        peopleToAsk = clean(peopleToAsk);
        professionals = withLines(clean(professionals), addProfessionals);
        saferSituation = clean(saferSituation);
        whatMatters = clean(whatMatters);
        addOnMyOwn = List.of();
        addCounterSpaces = List.of();
        addProfessionals = List.of();
    }

    SafetyPlanForm(String warningSigns, String onMyOwn, String counterSpaces, String peopleToAsk, String professionals,
            String saferSituation, String whatMatters) {
        this(warningSigns, onMyOwn, counterSpaces, peopleToAsk, professionals, saferSituation, whatMatters, null, null,
                null);
    }

    static SafetyPlanForm empty() {
        return new SafetyPlanForm(null, null, null, null, null, null, null);
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** The text with each chosen line added at the end, unless one of its lines already says it (ignoring case). */
    private static String withLines(String text, List<String> chosen) {
        StringBuilder result = new StringBuilder(text);
        for (String line : chosen == null ? List.<String>of() : chosen) {
            String wanted = clean(line).replace('\n', ' ');
            if (!wanted.isEmpty() && !says(result.toString(), wanted)) {
                result.append(result.isEmpty() ? "" : "\n").append(wanted);
            }
        }
        return result.toString();
    }

    /** Whether a line of this text is this one, ignoring case and outer spaces. */
    static boolean says(String text, String line) {
        return text.lines().anyMatch(existing -> existing.strip().equalsIgnoreCase(line.strip()));
    }

    /** Step name to text, in order. Public for the templates. */
    public Map<String, String> steps() {
        Map<String, String> steps = new LinkedHashMap<>();
        List<String> texts = List.of(warningSigns, onMyOwn, counterSpaces, peopleToAsk, professionals, saferSituation,
                whatMatters);
        for (int i = 0; i < STEPS.size(); i++) {
            steps.put(STEPS.get(i), texts.get(i));
        }
        return steps;
    }
}
