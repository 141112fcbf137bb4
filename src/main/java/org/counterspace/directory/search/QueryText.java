package org.counterspace.directory.search;

/**
 * Words typed into a search box (the public search, the API's {@code search}, the curators' list):
 * longer text is cut at {@link #MAX_CHARS}. No one types more, and each word costs clauses.
 */
public final class QueryText {

    public static final int MAX_CHARS = 200;

    private QueryText() {
    }

    public static boolean tooLong(String text) {
        return text.length() > MAX_CHARS;
    }

    /** At most {@link #MAX_CHARS}, never ending in half of a character written as two (an emoji). */
    public static String cut(String text) {
        if (!tooLong(text)) {
            return text;
        }
        boolean splitsPair = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1))
                && Character.isLowSurrogate(text.charAt(MAX_CHARS));
        return text.substring(0, splitsPair ? MAX_CHARS - 1 : MAX_CHARS);
    }
}
