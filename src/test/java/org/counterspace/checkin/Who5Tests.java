package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class Who5Tests {

    @Test
    void scoreIsTheRawSumTimesFour() {
        assertThat(Who5.score(List.of(0, 0, 0, 0, 0))).isZero();
        assertThat(Who5.score(List.of(5, 5, 5, 5, 5))).isEqualTo(100);
        assertThat(Who5.score(List.of(3, 2, 4, 1, 3))).isEqualTo(52); // 13 x 4
        assertThat(Who5.score(List.of(1, 1, 2, 1, 2))).isEqualTo(28); // 7 x 4
    }

    @Test
    void refusesAnswersOutsideTheScaleOrTheWrongNumberOfItems() {
        assertThatIllegalArgumentException().isThrownBy(() -> Who5.score(List.of(6, 0, 0, 0, 0)));
        assertThatIllegalArgumentException().isThrownBy(() -> Who5.score(List.of(-1, 0, 0, 0, 0)));
        assertThatIllegalArgumentException().isThrownBy(() -> Who5.score(List.of(1, 2, 3, 4)));
        assertThatIllegalArgumentException().isThrownBy(() -> Who5.score(Arrays.asList(1, 2, null, 4, 5)));
    }

    @Test
    void lowAtOrBelowTwentyEight() {
        assertThat(Who5.isLow(28)).isTrue();
        assertThat(Who5.isLow(0)).isTrue();
        assertThat(Who5.isLow(32)).isFalse();
    }

    @Test
    void tenPointsEitherWayIsMeaningful() {
        assertThat(Who5.isMeaningfulChange(40, 50)).isTrue();
        assertThat(Who5.isMeaningfulChange(50, 40)).isTrue();
        assertThat(Who5.isMeaningfulChange(40, 48)).isFalse();
    }

    @Test
    void dueAfterFourteenDaysOrWhenNeverTaken() {
        LocalDate today = LocalDate.of(2026, 3, 15);
        assertThat(Who5.isDue(null, today)).isTrue();
        assertThat(Who5.isDue(LocalDate.of(2026, 3, 1), today)).isTrue();
        assertThat(Who5.isDue(LocalDate.of(2026, 3, 2), today)).isFalse();
    }
}
