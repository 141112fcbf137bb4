package org.counterspace.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The one form of a typed username that registration, every look-up and every attempt limit use:
 * Unicode NFKC, case-folded, without surrounding white space. Using it everywhere is what keeps a
 * limit on a name: a variant that one step trims and another does not (a name with U+0001 at its
 * end) would be a fresh name to the limit and the same account to the look-up.
 * <p>
 * A name with a control character anywhere in it (NUL, U+0001, a tab, ...) has no key at all: no
 * account can have one (registration allows letters, digits, '.', '_' and '-'), so such a sign-in is
 * refused before any look-up or hash. Keys stored before this normalisation are the lower-cased
 * ASCII names, which are already in this form.
 */
final class Usernames {

    /** What registration allows: 3 to 32 letters, digits, '.', '_' and '-'. */
    static final String ALLOWED = "[A-Za-z0-9._-]{3,32}";

    /** Registration allows 32 characters; longer input names no account and is not worked on. */
    static final int MAX_TYPED = 64;

    private Usernames() {
    }

    /** A typed value without the spaces around it; a missing one is empty. */
    static String strip(String typed) {
        return typed == null ? "" : typed.strip();
    }

    /** The key of a typed name; empty when it is too long or holds a control character. */
    static Optional<String> key(String typed) {
        if (typed == null || typed.length() > MAX_TYPED || typed.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        String compatible = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        // Upper then lower case folds what lower case alone keeps apart ("ß" and "ss", final and medial sigma).
        String folded = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Optional.of(Normalizer.normalize(folded, Normalizer.Form.NFKC).strip());
    }

    /** The key of a name an account already has (checked at registration, so it always has one). */
    static String keyOfStored(String username) {
        return key(username).orElseThrow(() -> new IllegalArgumentException("not a valid username"));
    }
}
