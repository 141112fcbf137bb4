package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class HomePullTests {

    @Test
    void onlyValuesFromZeroToTenAreHomePulls() {
        assertThat(new HomePull(0).value()).isZero();
        assertThat(new HomePull(10).value()).isEqualTo(10);
        assertThatIllegalArgumentException().isThrownBy(() -> new HomePull(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> new HomePull(11));
    }

    @Test
    void readsTheSameTextsAsTheScale() {
        assertThat(HomePull.read("10 ")).contains(new HomePull(10));
        assertThat(HomePull.read("11")).isEmpty();
        assertThat(HomePull.read("")).isEmpty();
    }

    @Test
    void nineAndTenAreVeryHard() {
        assertThat(Scale.HOME_PULL.choices().stream().filter(v -> new HomePull(v).isVeryHard())).containsExactly(9, 10);
    }
}
