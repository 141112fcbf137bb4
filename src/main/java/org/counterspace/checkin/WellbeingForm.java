package org.counterspace.checkin;

import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The five WHO-5 answers as sent, each 0 ("At no time") to 5 ("All of the time"). */
public record WellbeingForm(
        @NotNull(message = "{checkin.who5.error}") @Pattern(regexp = "[0-5]", message = "{checkin.who5.error}") String item1,
        @NotNull(message = "{checkin.who5.error}") @Pattern(regexp = "[0-5]", message = "{checkin.who5.error}") String item2,
        @NotNull(message = "{checkin.who5.error}") @Pattern(regexp = "[0-5]", message = "{checkin.who5.error}") String item3,
        @NotNull(message = "{checkin.who5.error}") @Pattern(regexp = "[0-5]", message = "{checkin.who5.error}") String item4,
        @NotNull(message = "{checkin.who5.error}") @Pattern(regexp = "[0-5]", message = "{checkin.who5.error}") String item5) {

    static WellbeingForm blank() {
        return new WellbeingForm(null, null, null, null, null);
    }

    /** The answer given to item n (1-5), as sent. */
    public String answer(int item) {
        return List.of(String.valueOf(item1), String.valueOf(item2), String.valueOf(item3), String.valueOf(item4),
                String.valueOf(item5)).get(item - 1);
    }

    /** Only for a form that passed validation. */
    List<Integer> answers() {
        return Stream.of(item1, item2, item3, item4, item5).map(Integer::valueOf).toList();
    }
}
