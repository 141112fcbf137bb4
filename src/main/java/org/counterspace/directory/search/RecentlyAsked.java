package org.counterspace.directory.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Answers worked out for the most recently asked keys, at most {@code capacity}; the least recently asked go first. */
final class RecentlyAsked<K, V> {

    private final Map<K, V> answers;

    RecentlyAsked(int capacity) {
        this.answers = new LinkedHashMap<>(64, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The answer kept for {@code key}, or the one {@code work} gives, kept from now on. */
    synchronized V answer(K key, Function<K, V> work) {
        return answers.computeIfAbsent(key, work);
    }
}
