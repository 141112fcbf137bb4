package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoodTests {

    @Test
    void onlyValuesFromOneToFiveAreMoods() {
        assertThat(new Mood(1).value()).isEqualTo(1);
        assertThat(new Mood(5).value()).isEqualTo(5);
        assertThatIllegalArgumentException().isThrownBy(() -> new Mood(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Mood(6));
    }

    @Test
    void readsTheSameTextsAsTheScale() {
        assertThat(Mood.read(" 4")).contains(new Mood(4));
        assertThat(Mood.read("6")).isEmpty();
        assertThat(Mood.read(null)).isEmpty();
    }

    @Test
    void filesLabelEveryMoodInEnglishWords() {
        assertThat(Scale.MOOD.choices().stream().map(v -> new Mood(v).fileLabel()))
            .containsExactly("Very low", "Low", "Okay", "Good", "Very good");
    }

    /** The pages word each mood through checkin.mood.N; the files must say the same. */
    @Test
    void pagesWordEveryMoodAsTheFilesDo() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            messages.load(in);
        }
        for (int value : Scale.MOOD.choices()) {
            assertThat(messages.getProperty("checkin.mood." + value)).isEqualTo(new Mood(value).fileLabel());
        }
        assertThat(messages.getProperty("checkin.mood.0")).isNull();
        assertThat(messages.getProperty("checkin.mood.6")).isNull();
    }

    @Test
    void onlyOneIsTheLowest() {
        assertThat(Scale.MOOD.choices().stream().filter(v -> new Mood(v).isLowest())).containsExactly(1);
    }

    @ParameterizedTest(name = "mood {0}, home pull {1}: hard day {2}")
    @CsvSource({ "1, 9, true", "1, 10, true", "1, 8, false", "1, 0, false", "2, 9, false", "2, 10, false", "5, 10, false" })
    void aHardDayIsTheLowestMoodWithHomePullingNineOrMore(int mood, int pull, boolean hard) {
        assertThat(new Mood(mood).isHardDayWith(new HomePull(pull))).isEqualTo(hard);
    }
}
