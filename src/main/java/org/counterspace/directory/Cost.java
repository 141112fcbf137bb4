package org.counterspace.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Whether a service costs anything, as far as anyone knows: free only when the data or a curator
 * says so, paid when it names a charge, otherwise not known (its own value, never taken for free).
 */
public enum Cost {

    FREE, PAID, UNKNOWN;

    /** Fee texts that say, and only say, that there is nothing to pay. */
    private static final Set<String> FREE_WORDS = Set.of("free", "none", "no fee", "no fees", "no charge",
            "no charges", "no cost", "free of charge", "nothing", "0");

    private static final Pattern SAYS_FREE = Pattern
        .compile("^free\\b|\\b(no fees?|no charges?|no cost|free of charge)\\b");

    private static final Pattern NAMES_A_CHARGE = Pattern.compile("\\d|[£$€¥]|\\b(fees?|charges?|charged|costs?|pay|paid"
            + "|payment|price|sliding scale|insurance|medicaid|medicare)\\b");

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Cost> fromCode(String code) {
        return Arrays.stream(values()).filter(cost -> cost.code().equals(code)).findFirst();
    }

    /**
     * What a fee text says: free when it says only that ("Free", "None.", "No fee", "Free to call";
     * a free text that also names an amount is not free), paid when it names an amount or a charge,
     * and not known otherwise ("Call for details") or when there is no text.
     */
    public static Cost ofFeeText(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String said = text.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "").replaceAll("\\s+", " ");
        boolean amount = said.matches(".*\\d.*") && !said.equals("0");
        if (FREE_WORDS.contains(said) || !amount && SAYS_FREE.matcher(said).find()) {
            return FREE;
        }
        return NAMES_A_CHARGE.matcher(said).find() ? PAID : UNKNOWN;
    }

    /** Stored by its code. */
    @Converter
    public static class Codes implements AttributeConverter<Cost, String> {

        @Override
        public String convertToDatabaseColumn(Cost cost) {
            return cost.code();
        }

        @Override
        public Cost convertToEntityAttribute(String code) {
            return fromCode(code).orElse(UNKNOWN);
        }
    }
}
