package org.counterspace.web.sweep;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The app's own downloads (journal CSV, account JSON, HSDS JSON and zipped CSV) as upload samples: a
 * file the importers should mostly accept, with one bad value written where the sweep's filled-in
 * text ({@link #MARKER}) stands, escaped as the file's format needs, so it reaches the import itself.
 */
final class SweepDownloads {

    /** What the sweep types into empty text fields, so its data can be found in the downloads. */
    static final String MARKER = "Sweep text";

    record Download(String fileName, String contentType, byte[] bytes) {

        /** Whether the sweep's text is in it, so a bad value written in its place reaches the importer. */
        boolean holdsMarker() {
            return !java.util.Arrays.equals(withValue("x"), withValue("y"));
        }

        /** The file with the marker replaced by this value, in each CSV of a zip too. */
        byte[] withValue(String value) {
            if (isZip(bytes)) {
                return rezip(bytes, value);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            String replaced = contentType.contains("json") ? jsonText(value) : csvCell(value);
            return text.replace(MARKER, replaced).getBytes(StandardCharsets.UTF_8);
        }
    }

    private SweepDownloads() {
    }

    /** A download, or null when the response is not an attachment. */
    static Download of(MockHttpServletResponse response) {
        String disposition = response.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        if (disposition == null || !disposition.startsWith("attachment")) {
            return null;
        }
        String name = ContentDisposition.parse(disposition).getFilename();
        return new Download(name == null ? "download" : name, String.valueOf(response.getContentType()),
                response.getContentAsByteArray());
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length > 2 && bytes[0] == 'P' && bytes[1] == 'K';
    }

    private static byte[] rezip(byte[] zip, String value) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
            try (ZipOutputStream out = new ZipOutputStream(buffer)) {
                ZipEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    out.write(text.replace(MARKER, csvCell(value)).getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return buffer.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value as the inside of a JSON string (the marker stands between its quotes). */
    static String jsonText(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            }
            else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The value as one CSV cell: quoted, quotes doubled (a marker alone in its cell is unquoted). */
    static String csvCell(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
