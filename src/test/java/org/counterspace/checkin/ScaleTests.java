package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScaleTests {

    static ValidatorFactory factory;

    static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void moodRunsFromOneToFiveAndHomePullFromZeroToTen() {
        assertThat(Scale.MOOD.choices()).containsExactly(1, 2, 3, 4, 5);
        assertThat(Scale.HOME_PULL.choices()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(Scale.MOOD.contains(0)).isFalse();
        assertThat(Scale.HOME_PULL.contains(0)).isTrue();
        assertThat(Scale.HOME_PULL.contains(11)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            MOOD      | 1    | 1
            MOOD      | 5    | 5
            MOOD      | ' 3 ' | 3
            HOME_PULL | 0    | 0
            HOME_PULL | 10   | 10
            """)
    void readsWholeNumbersOnTheScaleIgnoringOuterSpaces(Scale scale, String text, int value) {
        assertThat(scale.read(text)).contains(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            MOOD      | 0
            MOOD      | 6
            MOOD      | calm
            MOOD      | 2.5
            MOOD      | ''
            HOME_PULL | -1
            HOME_PULL | 11
            HOME_PULL | 99999999999
            """)
    void refusesWhatIsNotAWholeNumberOnTheScale(Scale scale, String text) {
        assertThat(scale.read(text)).isEmpty();
    }

    @Test
    void refusesNoTextAtAll() {
        assertThat(Scale.MOOD.read(null)).isEmpty();
        assertThat(Scale.HOME_PULL.read(null)).isEmpty();
    }

    @Test
    void requireNamesTheRangeOfTheScale() {
        assertThat(Scale.HOME_PULL.require(10)).isEqualTo(10);
        assertThatIllegalArgumentException().isThrownBy(() -> Scale.MOOD.require(6))
            .withMessage("MOOD runs from 1 to 5, not 6");
    }

    // ---- the form's constraint

    static Set<ConstraintViolation<CheckInForm>> violations(String mood, String homePull) {
        CheckInForm form = CheckInForm.blank(JournalCsvTests.TODAY);
        form.setMood(mood);
        form.setHomePull(homePull);
        return validator.validate(form);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "0", "6", "calm" })
    void aMoodOffTheScaleIsOneFieldErrorWithTheMoodMessage(String mood) {
        assertThat(violations(mood, "4")).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath()).hasToString("mood");
            assertThat(v.getMessageTemplate()).isEqualTo("{checkin.error.mood}");
        });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "-1", "11", "2.5" })
    void aHomePullOffTheScaleIsOneFieldErrorWithTheHomePullMessage(String homePull) {
        assertThat(violations("3", homePull)).singleElement().satisfies(v -> {
            assertThat(v.getPropertyPath()).hasToString("homePull");
            assertThat(v.getMessageTemplate()).isEqualTo("{checkin.error.homePull}");
        });
    }

    @Test
    void answersOnTheScaleAreValidAndBecomeTheEntry() {
        assertThat(violations("1", "10")).isEmpty();
        CheckInForm form = CheckInForm.blank(JournalCsvTests.TODAY);
        form.setMood("1");
        form.setHomePull("10");
        CheckInEntry entry = form.toEntry();
        assertThat(entry.mood()).isEqualTo(new Mood(1));
        assertThat(entry.homePull()).isEqualTo(new HomePull(10));
        assertThat(form.isMood(1)).isTrue();
        assertThat(form.isMood(2)).isFalse();
        assertThat(form.isHomePull(10)).isTrue();
    }
}
