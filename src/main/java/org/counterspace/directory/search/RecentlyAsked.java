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

    /**
     * The answer kept for {@code key}, or the one {@code work} gives, kept from now on. The work is done
     * outside the lock, so one search's work never holds up another's (two may work out the same key).
     */
    V answer(K key, Function<K, V> work) {
        synchronized (answers) {
            V kept = answers.get(key);
            if (kept != null) {
                return kept;
            }
        }
        V fresh = work.apply(key);
        synchronized (answers) {
            V raced = answers.putIfAbsent(key, fresh);
            return raced != null ? raced : fresh;
        }
    }
}
