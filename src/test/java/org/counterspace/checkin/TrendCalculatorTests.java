package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.counterspace.checkin.TrendCalculator.Comparison;
import org.counterspace.checkin.TrendCalculator.DailyPoint;
import org.counterspace.checkin.TrendCalculator.Entry;
import org.counterspace.checkin.TrendCalculator.Overall;
import org.junit.jupiter.api.Test;

/** Expected figures worked out by hand from the journal below (see the comments). */
class TrendCalculatorTests {

    static final UUID A = UUID.randomUUID();

    static final UUID B = UUID.randomUUID();

    static final UUID UNUSED = UUID.randomUUID();

    static LocalDate jan(int day) {
        return LocalDate.of(2026, 1, day);
    }

    // Daily means: 1 Jan (2+4)/2=3 mood, (8+4)/2=6 pull; 2 Jan 5/2; 5 Jan 1/10; 8 Jan 3/3; 20 Jan 4/0.
    static final List<Entry> JOURNAL = List.of(
            new Entry(jan(8), 3, 3, Set.of()),
            new Entry(jan(1), 2, 8, Set.of(A)),
            new Entry(jan(1), 4, 4, Set.of()),
            new Entry(jan(2), 5, 2, Set.of()),
            new Entry(jan(5), 1, 10, Set.of(A)),
            new Entry(jan(20), 4, 0, Set.of(B)));

    @Test
    void severalCheckInsOnADayCountOnceWithTheirMean() {
        List<DailyPoint> points = TrendCalculator.summarise(JOURNAL, List.of()).daily();
        assertThat(points).extracting(DailyPoint::day).containsExactly(jan(1), jan(2), jan(5), jan(8), jan(20));
        assertThat(points.get(0).checkIns()).isEqualTo(2);
        assertThat(points.get(0).mood()).isEqualTo(3.0);
        assertThat(points.get(0).homePull()).isEqualTo(6.0);
    }

    @Test
    void rollingAverageIsTheMeanOfDaysWithEntriesInTheTrailingSevenCalendarDays() {
        List<DailyPoint> points = TrendCalculator.summarise(JOURNAL, List.of()).daily();
        // 1 Jan: only itself
        assertRolling(points.get(0), 3.0, 6.0);
        // 2 Jan: 1 and 2 Jan -> (3+5)/2, (6+2)/2
        assertRolling(points.get(1), 4.0, 4.0);
        // 5 Jan: window 30 Dec..5 Jan holds 1, 2, 5 Jan -> (3+5+1)/3, (6+2+10)/3
        assertRolling(points.get(2), 3.0, 6.0);
        // 8 Jan: window 2..8 Jan; 1 Jan has left -> (5+1+3)/3, (2+10+3)/3
        assertRolling(points.get(3), 3.0, 5.0);
        // 20 Jan: window 14..20 Jan holds only itself; the gap is not counted as zeros
        assertRolling(points.get(4), 4.0, 0.0);
    }

    @Test
    void windowIncludesTheDaySixDaysBackButNotSeven() {
        List<DailyPoint> points = TrendCalculator.summarise(List.of(
                new Entry(jan(1), 1, 0, Set.of()), new Entry(jan(7), 5, 10, Set.of()), new Entry(jan(8), 3, 4, Set.of())), List.of()).daily();
        assertRolling(points.get(1), 3.0, 5.0); // 1..7 Jan: both
        assertRolling(points.get(2), 4.0, 7.0); // 2..8 Jan: 7 and 8 Jan
    }

    @Test
    void whatHelpsComparesDaysWithAndWithoutEachEnvironment() {
        List<Comparison> helps = TrendCalculator.summarise(JOURNAL, List.of(A, B, UNUSED)).helps();
        assertThat(helps).extracting(Comparison::environmentId).containsExactly(A, B);

        Comparison a = helps.get(0);
        // with A: 1 Jan (3, 6) and 5 Jan (1, 10); without: 2, 8, 20 Jan (5/2, 3/3, 4/0)
        assertThat(a.daysWith()).isEqualTo(2);
        assertThat(a.moodWith()).isEqualTo(2.0);
        assertThat(a.pullWith()).isEqualTo(8.0);
        assertThat(a.daysWithout()).isEqualTo(3);
        assertThat(a.moodWithout()).isEqualTo(4.0);
        assertThat(a.pullWithout()).isCloseTo(5.0 / 3, within(1e-9));

        Comparison b = helps.get(1);
        // with B: 20 Jan (4, 0); without: 1, 2, 5, 8 Jan -> (3+5+1+3)/4, (6+2+10+3)/4
        assertThat(b.daysWith()).isEqualTo(1);
        assertThat(b.moodWith()).isEqualTo(4.0);
        assertThat(b.pullWith()).isEqualTo(0.0);
        assertThat(b.daysWithout()).isEqualTo(4);
        assertThat(b.moodWithout()).isEqualTo(3.0);
        assertThat(b.pullWithout()).isEqualTo(5.25);
    }

    @Test
    void anEnvironmentUsedEveryDayHasNoDaysWithout() {
        Comparison only = TrendCalculator.summarise(List.of(new Entry(jan(3), 4, 2, Set.of(A))), List.of(A)).helps().get(0);
        assertThat(only.daysWithout()).isZero();
        assertThat(only.moodWithout()).isNull();
        assertThat(only.pullWithout()).isNull();
    }

    @Test
    void overallAveragesDailyMeans() {
        Overall overall = TrendCalculator.summarise(JOURNAL, List.of()).overall();
        assertThat(overall.days()).isEqualTo(5);
        assertThat(overall.checkIns()).isEqualTo(6);
        assertThat(overall.mood()).isCloseTo(3.2, within(1e-9));
        assertThat(overall.homePull()).isCloseTo(4.2, within(1e-9));
        assertThat(TrendCalculator.summarise(List.of(), List.of()).overall().mood()).isNull();
        assertThat(TrendCalculator.summarise(List.of(), List.of()).daily()).isEmpty();
    }

    static void assertRolling(DailyPoint point, double mood, double pull) {
        assertThat(point.moodAverage()).as("mood average on " + point.day()).isCloseTo(mood, within(1e-9));
        assertThat(point.homePullAverage()).as("pull average on " + point.day()).isCloseTo(pull, within(1e-9));
    }
}
