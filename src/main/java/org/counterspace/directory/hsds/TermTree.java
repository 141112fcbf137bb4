package org.counterspace.directory.hsds;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Taxonomy terms in the order of their depth in the tree: every parent before its children. */
final class TermTree {

    private TermTree() {
    }

    static <T, K> List<T> parentsFirst(List<T> terms, Function<T, K> id, Function<T, K> parent) {
        Map<K, K> parents = new HashMap<>();
        terms.forEach(t -> parents.put(id.apply(t), parent.apply(t)));
        Map<T, Integer> depths = new HashMap<>();
        for (T term : terms) {
            int depth = 0;
            Set<K> seen = new HashSet<>();
            // a loop in the data ends the walk rather than the import
            for (K up = parent.apply(term); up != null && seen.add(up); up = parents.get(up)) {
                depth++;
            }
            depths.put(term, depth);
        }
        return terms.stream().sorted(Comparator.comparing(depths::get)).toList();
    }
}
