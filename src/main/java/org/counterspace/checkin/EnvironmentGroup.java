package org.counterspace.checkin;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Environments of one kind, for a fieldset of chips or a section of the list page. */
public record EnvironmentGroup(EnvironmentKind kind, List<CounterEnvironment> environments) {

    /** Groups in kind order, leaving out kinds with nothing in them. */
    static List<EnvironmentGroup> of(List<CounterEnvironment> environments) {
        Map<EnvironmentKind, List<CounterEnvironment>> byKind = new EnumMap<>(EnvironmentKind.class);
        environments.stream().sorted(CheckInService.DISPLAY_ORDER)
            .forEach(e -> byKind.computeIfAbsent(e.getKind(), k -> new ArrayList<>()).add(e));
        return byKind.entrySet().stream().map(e -> new EnvironmentGroup(e.getKey(), e.getValue())).toList();
    }
}
