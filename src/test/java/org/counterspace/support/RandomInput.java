package org.counterspace.support;

import java.util.Random;

/**
 * Seeded random input for property-style parser tests: text from an alphabet that favours what
 * parsers trip on (separators, quotes, line breaks, control characters, lone surrogates, digits and
 * dates), and mutations of a valid input (characters inserted, deleted, replaced, chunks repeated or
 * cut off). Each test class prints its seed; {@code -Dparsers.seed=N} repeats a run.
 */
public final class RandomInput {

    public static final long SEED = Long.getLong("parsers.seed", System.nanoTime());

    private static final String[] PIECES = { ",", ";", "\"", "'", "\n", "\r\n", "\r", "\t", " ", "|", " | ", ":", "-",
        "---", "{", "}", "[", "]", "\\", "\\u0000", "\u0000", "\u0001", "\u007f", "\u0085", "\uFEFF", "\uD800", "\uDC00",
        "\uD83D\uDE00", "\u202E", "é", "漢", "0", "1", "5", "-1", "9999999999", "1.5", "2024-02-30", "2024-01-31",
        "true", "false", "null", "=", "+", "@", "<script>", "%", "_", "a", "Z", "word", "rad", "awful", "##", "*" };

    private final Random random;

    public RandomInput(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** Text of up to {@code maxPieces} pieces from the alphabet. */
    public String text(int maxPieces) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(maxPieces + 1);
        for (int i = 0; i < pieces; i++) {
            text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    /** The valid input changed in one to five places. */
    public String mutate(String valid) {
        StringBuilder text = new StringBuilder(valid);
        int changes = 1 + random.nextInt(5);
        for (int i = 0; i < changes; i++) {
            int at = text.length() == 0 ? 0 : random.nextInt(text.length());
            switch (random.nextInt(5)) {
                case 0 -> text.insert(at, text(3));
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(10)));
                case 2 -> text.replace(at, Math.min(text.length(), at + 1), text(1));
                case 3 -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(40))));
                default -> text.setLength(at);
            }
        }
        return text.toString();
    }

    /** Bytes: random ones, or the text's UTF-8 with a few bytes changed. */
    public byte[] bytes(String valid) {
        byte[] bytes = mutate(valid).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (random.nextBoolean() && bytes.length > 0) {
            for (int i = 0; i < 3; i++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
        }
        return bytes;
    }
}
