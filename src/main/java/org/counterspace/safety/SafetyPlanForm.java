package org.counterspace.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;

/**
 * The steps of a safety plan, in the order a person works through them. Each is free text; line
 * breaks are kept as plain newlines so a browser's CRLF does not count twice against the limit.
 */
record SafetyPlanForm(@Size(max = MAX, message = TOO_LONG) String warningSigns,
        @Size(max = MAX, message = TOO_LONG) String onMyOwn,
        @Size(max = MAX, message = TOO_LONG) String counterSpaces,
        @Size(max = MAX, message = TOO_LONG) String peopleToAsk,
        @Size(max = MAX, message = TOO_LONG) String professionals,
        @Size(max = MAX, message = TOO_LONG) String saferSituation,
        @Size(max = MAX, message = TOO_LONG) String whatMatters) {

    static final int MAX = 2000;

    static final String TOO_LONG = "{safety.plan.error.tooLong}";

    /** The step names, in order: form fields, message keys and export keys all use them. */
    static final List<String> STEPS = List.of("warningSigns", "onMyOwn", "counterSpaces", "peopleToAsk",
            "professionals", "saferSituation", "whatMatters");

    SafetyPlanForm {
        warningSigns = clean(warningSigns);
        onMyOwn = clean(onMyOwn);
        counterSpaces = clean(counterSpaces);
        peopleToAsk = clean(peopleToAsk);
        professionals = clean(professionals);
        saferSituation = clean(saferSituation);
        whatMatters = clean(whatMatters);
    }

    static SafetyPlanForm empty() {
        return new SafetyPlanForm(null, null, null, null, null, null, null);
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
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
