package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.counterspace.checkin.JournalCsv.Parsed;
import org.counterspace.checkin.JournalCsv.Row;
import org.counterspace.checkin.JournalCsv.RowError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JournalCsvTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    /** The header of files exported before check-ins carried their id, which import still reads. */
    static final String HEADER = "date,mood,mood_label,home_pull,counter_environments,small_win,note,to_discuss\r\n";

    static final String EXPORT_HEADER = "date,mood,mood_label,home_pull,counter_environments,small_win,note,to_discuss,id\r\n";

    static String write(List<Row> rows) {
        StringWriter out = new StringWriter();
        JournalCsv.write(rows, out);
        return out.toString();
    }

    static Parsed parse(String csv) {
        return JournalCsv.parse(new StringReader(csv), TODAY);
    }

    static List<String> codes(Parsed parsed) {
        return parsed.errors().stream().map(RowError::code).toList();
    }

    @Test
    void writesDocumentedColumnsWithNumbersLabelsAndSortedNames() {
        String csv = write(List.of(new Row(LocalDate.of(2026, 3, 27), new Mood(2), new HomePull(7),
                Set.of("music", "A friend, outside"), "tea", null, true)));
        assertThat(csv).isEqualTo(EXPORT_HEADER + "2026-03-27,2,Low,7,\"A friend, outside;music\",tea,,true,\r\n");
    }

    @Test
    void readsTheIdColumnAndFilesWithoutIt() {
        Parsed withIds = parse(EXPORT_HEADER + "2026-03-27,2,Low,7,,,,true, abc-1 \n2026-03-28,2,Low,7,,,,true,\n");
        assertThat(withIds.errors()).isEmpty();
        assertThat(withIds.rows()).extracting(Row::id).containsExactly("abc-1", null);
        assertThat(codes(parse(EXPORT_HEADER + "2026-03-27,2,Low,7,,,,true," + "x".repeat(101) + "\n")))
            .containsExactly("checkin.import.error.longId");
        assertThat(codes(parse(EXPORT_HEADER + "2026-03-27,2,Low,7,,,,true\n"))).containsExactly("checkin.import.error.columns");
        assertThat(parse(HEADER + "2026-03-27,2,Low,7,,,,true\n").rows()).extracting(Row::id).containsOnlyNulls();
    }

    @Test
    void contentIgnoresTheIdAndTheCaseOfNames() {
        Row row = new Row(TODAY, new Mood(3), new HomePull(4), Set.of("Walk", "Music"), null, "n", false, "a");
        assertThat(row.content()).isEqualTo(new Row(TODAY, new Mood(3), new HomePull(4), Set.of(" music", "\uFF37alk"),
                null, "n", false, "b").content());
        assertThat(row.content()).isNotEqualTo(new Row(TODAY, new Mood(3), new HomePull(4), Set.of("Walk", "Music"),
                null, "n.", false, "a").content());
    }

    /** The form keeps no note of spaces and strips what it keeps; an imported journal is kept the same way. */
    @Test
    void textsAreStrippedAndBlankOnesAreNoTextAsTheFormKeepsThem() {
        Parsed csv = parse(HEADER + "2026-03-27,2,Low,7,,\"   \",\" \t\n \",false\n2026-03-28,2,Low,7,,\" tea \",\"  a note\n\",false\n");
        assertThat(csv.errors()).isEmpty();
        assertThat(csv.rows()).extracting(Row::smallWin).containsExactly(null, "tea");
        assertThat(csv.rows()).extracting(Row::note).containsExactly(null, "a note");

        JournalJsonFile.Parsed json = JournalJsonFile.parse("""
                {"checkIns": [{"date": "2026-03-27", "mood": 2, "homePull": 7, "smallWin": "  ", "note": "\\t "},
                              {"date": "2026-03-28", "mood": 2, "homePull": 7, "smallWin": " tea ", "note": " a note "}]}
                """, TODAY);
        assertThat(json.errors()).isEmpty();
        assertThat(json.rows()).extracting(Row::smallWin).containsExactly(null, "tea");
        assertThat(json.rows()).extracting(Row::note).containsExactly(null, "a note");
    }

    @Test
    void formulaCellsAreEscapedAndUnescaped() {
        for (String dangerous : List.of("=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx", "'=already", "''+twice")) {
            assertThat(JournalCsv.escape(dangerous)).isEqualTo("'" + dangerous);
            assertThat(JournalCsv.unescape(JournalCsv.escape(dangerous))).isEqualTo(dangerous);
        }
        for (String harmless : List.of("fine", "'quoted", "a=b", "", "1-2")) {
            assertThat(JournalCsv.escape(harmless)).isEqualTo(harmless);
            assertThat(JournalCsv.unescape(harmless)).isEqualTo(harmless);
        }
        String csv = write(List.of(new Row(TODAY, new Mood(3), new HomePull(0), Set.of("=evil"), "-5 points", "@home", false)));
        assertThat(csv).contains(",'=evil,'-5 points,'@home,");
    }

    @Test
    void reportsEveryBadRowAndKeepsNothing() {
        String csv = HEADER
                + "2026-01-01,3,Okay,4,,,,false\n"
                + "2026-13-01,3,Okay,4,,,,false\n"
                + "2027-01-01,6,Okay,11,,,,maybe\n"
                + "1899-12-31,3,Okay,4,,,,false\n"
                + "2026-01-02,3,Okay\n"
                + "2026-01-03,3,Okay,4,a;;b," + "w".repeat(501) + "," + "n".repeat(5001) + ",false\n";
        Parsed parsed = parse(csv);
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).extracting(RowError::line).containsExactly(3L, 4L, 4L, 4L, 4L, 5L, 6L, 7L, 7L, 7L);
        assertThat(codes(parsed)).containsExactly("checkin.import.error.date", "checkin.import.error.future",
                "checkin.import.error.number", "checkin.import.error.number", "checkin.import.error.discuss",
                "checkin.import.error.early", "checkin.import.error.columns", "checkin.import.error.emptyName",
                "checkin.import.error.longText", "checkin.import.error.longText");
    }

    @Test
    void refusesWrongHeadersEmptyFilesAndBrokenQuotes() {
        assertThat(codes(parse("full_date,date,weekday\n2026-01-01,x,y\n"))).containsExactly("checkin.import.error.header");
        assertThat(codes(parse(""))).containsExactly("checkin.import.error.empty");
        assertThat(codes(parse(HEADER + "2026-01-01,3,Okay,4,,\"unclosed,,false\n"))).containsExactly("checkin.import.error.unreadable");
        assertThat(parse(HEADER).rows()).isEmpty();
        assertThat(parse(HEADER).errors()).isEmpty();
    }

    // ---- property-style: any valid journal survives export -> import unchanged

    static final String TRICKY = "abc xyz,;\"'=+-@\t\r\n\u00e9\u4e2d\ud83c\udf3f ";

    static String text(Random random, int max) {
        int length = 1 + random.nextInt(Math.min(max, random.nextBoolean() ? 12 : max));
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(TRICKY.charAt(random.nextInt(TRICKY.length())));
        }
        String value = text.substring(0, Math.min(text.length(), max));
        return Character.isLowSurrogate(value.charAt(value.length() - 1)) || Character.isHighSurrogate(value.charAt(value.length() - 1))
                ? value.substring(0, value.length() - 1) + "x" : value;
    }

    /** A journal the app could hold: texts non-blank (the form stores blanks as nothing), names without ';'. */
    static List<Row> journal(Random random) {
        List<String> names = new ArrayList<>();
        int environments = random.nextInt(6);
        for (int i = 0; i < environments; i++) {
            String name = text(random, 30).replace(";", ",").strip();
            names.add(name.isEmpty() ? "x" + i : name + i);
        }
        List<Row> rows = new ArrayList<>();
        LocalDate day = LocalDate.of(1900 + random.nextInt(120), 1, 1).plusDays(random.nextInt(365));
        int count = random.nextInt(40);
        for (int i = 0; i < count && !day.isAfter(TODAY); i++) {
            Set<String> used = new HashSet<>();
            names.forEach(n -> {
                if (random.nextInt(3) == 0) {
                    used.add(n);
                }
            });
            String win = random.nextInt(3) == 0 ? null : CheckInEntry.text(text(random, CheckIn.SMALL_WIN_MAX));
            String note = random.nextInt(3) == 0 ? null : CheckInEntry.text(text(random, random.nextInt(10) == 0 ? CheckIn.NOTE_MAX : 200));
            rows.add(new Row(day, new Mood(1 + random.nextInt(5)), new HomePull(random.nextInt(11)),
                    used, win, note, random.nextBoolean()));
            day = day.plusDays(random.nextInt(3));
        }
        return rows;
    }

    static Stream<Arguments> journals() {
        return IntStream.range(0, 200).mapToObj(seed -> Arguments.of(seed, journal(new Random(seed))));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("journals")
    void anyValidJournalRoundTripsThroughCsv(int seed, List<Row> journal) {
        String csv = write(journal);
        Parsed parsed = parse(csv);
        assertThat(parsed.errors()).as("errors for seed " + seed).isEmpty();
        assertThat(parsed.rows()).isEqualTo(journal);
        assertThat(write(parsed.rows())).isEqualTo(csv);
    }
}
