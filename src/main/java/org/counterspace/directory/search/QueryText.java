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

    public static String cut(String text) {
        return tooLong(text) ? text.substring(0, MAX_CHARS) : text;
    }
}
