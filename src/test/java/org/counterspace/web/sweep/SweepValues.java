package org.counterspace.web.sweep;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The battery of bad values the sweep sends: each has a short label for the report, so a failure
 * names what was sent without repeating a million characters.
 */
final class SweepValues {

    /** A value and the name the report gives it. */
    record Value(String label, String text) {

        @Override
        public String toString() {
            return label;
        }
    }

    /** Raw bytes for a form body or file, and their label. */
    record Bytes(String label, byte[] bytes) {

        @Override
        public String toString() {
            return label;
        }
    }

    static final String SCRIPT = "<script>alert('counterspace-sweep')</script>";

    static final Value MILLION = new Value("1M chars", "m".repeat(1_000_000));

    /** A kind of bad value, and how many of its values each parameter gets. */
    record Category(String name, int picks, List<Value> values) {
    }

    /**
     * The battery by kind. Each parameter gets {@code picks} values of every kind, drawn with the seeded
     * random (the script tag always, so a page that sends it back unescaped is always seen), so that
     * over runs every value reaches every parameter while one run stays short.
     */
    static final List<Category> CATEGORIES = List.of(
            new Category("empty", 1, List.of(new Value("empty", ""), new Value("blank", "   "))),
            new Category("long", 1, List.of(new Value("10k chars", "Lorem ipsum ".repeat(834)),
                    new Value("10k line breaks", "a\n".repeat(5_000)))),
            new Category("NUL", 1, List.of(new Value("NUL", "a\u0000b"), new Value("only NUL", "\u0000"))),
            new Category("control characters", 1, List.of(new Value("SOH", "a\u0001b"), new Value("BEL", "\u0007"),
                    new Value("backspace", "ab\u0008c"), new Value("vertical tab", "a\u000bb"),
                    new Value("form feed", "a\u000cb"), new Value("ANSI escape", "\u001b[31mred\u001b[0m"),
                    new Value("DEL", "a\u007fb"), new Value("NEL", "a\u0085b"), new Value("C1 control", "a\u009fb"))),
            new Category("odd Unicode", 1, List.of(new Value("tab CR LF", "a\tb\r\nc"),
                    new Value("line separators", "a\u2028b\u2029c"), new Value("BOM", "\uFEFFtext"),
                    new Value("zero-width", "a\u200b\u200c\u200db"), new Value("lone high surrogate", "a\uD800b"),
                    new Value("lone low surrogate", "\uDFFF"))),
            new Category("right-to-left and emoji", 1, List.of(new Value("right-to-left override", "\u202Eevil.exe\u202C"),
                    new Value("Arabic", "مرحبا بالعالم"), new Value("Hebrew", "שלום עולם"),
                    new Value("emoji", "\uD83D\uDE00 \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08"),
                    new Value("combining marks", "Z\u0324\u0354\u0367\u0311\u0313a\u0308\u0356\u032d\u0308\u0307lgo"),
                    new Value("CJK", "漢字かなカナ"), new Value("astral letters", "\uD835\uDD4F\uD835\uDD50"))),
            new Category("HTML and script", 1, List.of(new Value("attribute break", "\"><img src=x onerror=alert(1)>"),
                    new Value("javascript URL", "javascript:alert(1)"),
                    new Value("template expression", "[[${7*7}]] ${7*7} #{7*7}"),
                    new Value("preprocessing expression", "__${T(java.lang.Runtime).getRuntime()}__"))),
            new Category("SQL and other syntax", 1, List.of(new Value("SQL quote", "' OR '1'='1"),
                    new Value("SQL drop", "'; DROP TABLE account; --"), new Value("SQL wildcards", "%_%"),
                    new Value("backslashes", "\\\\\\"), new Value("format string", "%s%n%x{0}{1}"),
                    new Value("JSON", "{\"a\":[1,2]}"), new Value("null word", "null"),
                    new Value("path traversal", "../../../../etc/passwd"), new Value("off-site URL", "//evil.example/x"))),
            new Category("numbers", 2, List.of(new Value("-1", "-1"), new Value("0", "0"), new Value("-0", "-0"),
                    new Value("1.5", "1.5"), new Value("1e309", "1e309"), new Value("NaN", "NaN"),
                    new Value("Infinity", "Infinity"), new Value("int overflow", "2147483648"),
                    new Value("int underflow", "-2147483649"), new Value("long overflow", "9223372036854775808"),
                    new Value("huge number", "9".repeat(40)), new Value("hex", "0x1F"),
                    new Value("Arabic-Indic digits", "٣"), new Value("padded number", " 3 "), new Value("plus number", "+3"))),
            new Category("dates", 2, List.of(new Value("30 February", "2024-02-30"), new Value("month 13", "2023-13-01"),
                    new Value("zero date", "0000-00-00"), new Value("year -999999999", "-999999999-01-01"),
                    new Value("year +999999999", "+999999999-12-31"), new Value("year 9999", "9999-12-31"),
                    new Value("year 1", "0001-01-01"), new Value("bad time", "2024-02-29T25:61:61"),
                    new Value("day first", "31/12/2024"), new Value("week date", "2024-W53-8"),
                    new Value("month only", "2024-00"))));

    static final Value SCRIPT_VALUE = new Value("script tag", SCRIPT);

    /** Every value of every kind, for uploads and for checking the battery itself. */
    static final List<Value> TEXT = java.util.stream.Stream.concat(java.util.stream.Stream.of(SCRIPT_VALUE),
            CATEGORIES.stream().flatMap(c -> c.values().stream())).toList();

    /** The values one parameter gets: the script tag, then each kind's picks. */
    static List<Value> battery(Random random) {
        List<Value> values = new ArrayList<>();
        values.add(SCRIPT_VALUE);
        for (Category category : CATEGORIES) {
            List<Value> shuffled = new ArrayList<>(category.values());
            Collections.shuffle(shuffled, random);
            values.addAll(shuffled.subList(0, category.picks()));
        }
        return values;
    }

    /** The values of a list by their labels. */
    static Value named(String label) {
        return TEXT.stream().filter(v -> v.label().equals(label)).findFirst().orElseThrow();
    }

    /** Ids for path variables that are not the person's own: unknown, malformed, long or odd. */
    static final List<Value> PATH_IDS = List.of(
            new Value("unknown uuid", "7f4c6a52-1d3e-4b8a-9c0f-2e5d6b7a8c9d"), new Value("nil uuid", "00000000-0000-0000-0000-000000000000"),
            new Value("short uuid", "1-1-1-1-1"), new Value("word", "not-an-id"), new Value("-1", "-1"), new Value("0", "0"),
            new Value("huge number", "9".repeat(30)), new Value("1.5", "1.5"), new Value("300 chars", "a".repeat(300)),
            new Value("NUL", "a\u0000b"), new Value("emoji", "\uD83D\uDE00"), new Value("accented", "é"),
            new Value("dots", ".."), new Value("percent", "%"), new Value("script tag", "<script>"), new Value("space", " "));

    /**
     * Broken UTF-8 as raw bytes of a form body: a lone continuation byte, a truncated sequence, an
     * overlong slash, an encoded surrogate, a code point past U+10FFFF, and 0xFF; then the same
     * percent-encoded, and a broken escape.
     */
    static final List<Bytes> BROKEN_BYTES = List.of(
            new Bytes("raw C3 28", new byte[] { 'a', (byte) 0xC3, 0x28, 'b' }),
            new Bytes("raw lone 80", new byte[] { (byte) 0x80 }),
            new Bytes("raw truncated E2 82", new byte[] { 'a', (byte) 0xE2, (byte) 0x82 }),
            new Bytes("raw overlong C0 AF", new byte[] { (byte) 0xC0, (byte) 0xAF }),
            new Bytes("raw surrogate ED A0 80", new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }),
            new Bytes("raw F4 90 80 80", new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }),
            new Bytes("raw FF FE", new byte[] { (byte) 0xFF, (byte) 0xFE }),
            new Bytes("%C3%28", ascii("%C3%28")), new Bytes("%ED%A0%80", ascii("%ED%A0%80")),
            new Bytes("%FF", ascii("a%FFb")), new Bytes("%C0%AF", ascii("%C0%AF")), new Bytes("%00", ascii("a%00b")),
            new Bytes("broken escape %zz", ascii("%zz")), new Bytes("lone %", ascii("%")));

    /** Four broken sequences for one parameter: one raw, three of any kind. */
    static List<Bytes> brokenBytes(Random random) {
        List<Bytes> shuffled = new ArrayList<>(BROKEN_BYTES);
        Collections.shuffle(shuffled, random);
        List<Bytes> picked = new ArrayList<>(shuffled.stream().filter(b -> b.label().startsWith("raw")).limit(1).toList());
        shuffled.stream().filter(b -> !picked.contains(b)).limit(3).forEach(picked::add);
        return picked;
    }

    private SweepValues() {
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** File contents for an upload field, besides the text battery and the app's own exports. */
    static List<Bytes> files(Random random, boolean huge) {
        List<Bytes> files = new ArrayList<>();
        files.add(new Bytes("empty file", new byte[0]));
        files.add(new Bytes("one line", "hello\n".getBytes(StandardCharsets.UTF_8)));
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        files.add(new Bytes("4 KB random bytes", noise));
        files.add(new Bytes("NUL bytes", "a,b\u0000c\n\u0000\u0000".getBytes(StandardCharsets.UTF_8)));
        files.add(new Bytes("10k text", "Lorem ipsum ".repeat(834).getBytes(StandardCharsets.UTF_8)));
        for (Bytes broken : BROKEN_BYTES) {
            files.add(new Bytes("file of " + broken.label(), broken.bytes()));
        }
        if (huge) {
            files.add(new Bytes("1 MB text", MILLION.text().getBytes(StandardCharsets.UTF_8)));
        }
        return Collections.unmodifiableList(files);
    }
}
