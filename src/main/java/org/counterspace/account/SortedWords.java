package org.counterspace.account;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * A large set of words kept as one array of their UTF-8 bytes in byte order, each followed by '\n',
 * plus where each starts, and searched by binary search. Beside each word a String, its array and a
 * hash table's entry take some 80 bytes; here it takes four.
 */
final class SortedWords {

    /** Every word followed by '\n'. */
    private final byte[] bytes;

    /** Where each word starts, plus one past the end. */
    private final int[] starts;

    private SortedWords(byte[] bytes) {
        this.bytes = bytes;
        int count = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                count++;
            }
        }
        starts = new int[count + 1];
        int word = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                starts[word++] = i + 1;
            }
        }
    }

    /** Lines already sorted by their UTF-8 bytes and each followed by '\n', as a file holds them. */
    static SortedWords ofSortedLines(byte[] lines, String source) {
        SortedWords words = new SortedWords(lines);
        for (int i = 1; i < words.size(); i++) {
            if (words.compare(i - 1, lines, words.starts[i], words.starts[i + 1] - 1) >= 0) {
                throw new IllegalStateException(source + " is not sorted by UTF-8 bytes at entry " + i);
            }
        }
        return words;
    }

    /** These words (none holding '\n'), sorted here, each kept once. */
    static SortedWords of(Collection<String> words) {
        byte[][] encoded = words.stream().map(word -> word.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        Arrays.sort(encoded, Arrays::compareUnsigned);
        int length = 0;
        for (byte[] word : encoded) {
            length += word.length + 1;
        }
        byte[] lines = new byte[length];
        int at = 0;
        byte[] previous = null;
        for (byte[] word : encoded) {
            if (previous == null || !Arrays.equals(previous, word)) {
                System.arraycopy(word, 0, lines, at, word.length);
                at += word.length;
                lines[at++] = '\n';
            }
            previous = word;
        }
        return new SortedWords(Arrays.copyOf(lines, at));
    }

    int size() {
        return starts.length - 1;
    }

    String word(int index) {
        return new String(bytes, starts[index], starts[index + 1] - 1 - starts[index], StandardCharsets.UTF_8);
    }

    /** Where this word is in byte order, or a negative number when it is not here. */
    int indexOf(String word) {
        byte[] key = word.getBytes(StandardCharsets.UTF_8);
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = compare(mid, key, 0, key.length);
            if (order < 0) {
                low = mid + 1;
            }
            else if (order > 0) {
                high = mid - 1;
            }
            else {
                return mid;
            }
        }
        return -1;
    }

    boolean contains(String word) {
        return indexOf(word) >= 0;
    }

    private int compare(int index, byte[] key, int from, int to) {
        return Arrays.compareUnsigned(bytes, starts[index], starts[index + 1] - 1, key, from, to);
    }
}
