package org.counterspace.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Who a service is for, by age. */
public enum AgeGroup {

    ALL, YOUNG_PEOPLE, ADULTS;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<AgeGroup> fromCode(String code) {
        return Arrays.stream(values()).filter(group -> group.code().equals(code)).findFirst();
    }

    /** Stored by its code; an unknown code reads as {@link #ALL}. */
    @Converter
    public static class Codes implements AttributeConverter<AgeGroup, String> {

        @Override
        public String convertToDatabaseColumn(AgeGroup group) {
            return group.code();
        }

        @Override
        public AgeGroup convertToEntityAttribute(String code) {
            return fromCode(code).orElse(ALL);
        }
    }
}
