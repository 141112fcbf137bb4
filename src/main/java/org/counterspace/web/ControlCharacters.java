package org.counterspace.web;

/**
 * The characters no text of ours may hold: control characters other than tab, line feed and carriage
 * return. NUL is among them, which PostgreSQL refuses to store (H2 stores it); nobody types the rest.
 * Forms are checked by {@link InputBoundary}; imported files by their importers.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static boolean in(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }
}
