package org.counterspace.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A fee text is free only when it says only that; a charge when it names one; otherwise not known. */
class CostTests {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "Free | FREE", "free. | FREE", "None. | FREE", "None | FREE", "No fee | FREE", "No fees. | FREE",
            "There is no charge. | FREE", "Free to contact. | FREE", "Free; donations welcome. | FREE",
            "Free of charge | FREE",
            "£20 per session. | PAID", "Free for under-18s; adults £10. | PAID", "Sliding scale. | PAID",
            "$30 to $90 per session on a sliding scale. | PAID", "Medicaid accepted | PAID", "Fees apply | PAID",
            "Please ask at reception. | UNKNOWN", "See website | UNKNOWN", "NULL | UNKNOWN", "'   ' | UNKNOWN" })
    void feeTexts(String text, Cost expected) {
        assertThat(Cost.ofFeeText(text)).isEqualTo(expected);
    }
}
