package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.counterspace.checkin.JournalCsv.RowError;
import org.counterspace.support.RandomInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

/**
 * Property-style tests of the journal's import parsers with seeded random input (the seed is printed;
 * {@code -Dparsers.seed=N} repeats a run): random and mutated CSV, JSON and Daylio files, and random bytes
 * as uploads, never throw; every problem they report is one the page has words for; and any journal
 * written as CSV or JSON reads back as the same rows.
 */
class ImportParserPropertyTests {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    static final String JOURNAL = String.join(",", JournalCsv.COLUMNS) + "\n"
            + "2025-05-30,3,Okay,4,Walks;Reading,A small win,\"A note, with a comma\",false\n"
            + "2025-05-31,1,Very low,9,,,'=not a formula,true\n";

    static final String DAYLIO = String.join(",", DaylioCsv.COLUMNS) + "\n"
            + "2025-05-30,May 30,Friday,20:15,good,walk | reading,Title,\"A note\"\n"
            + "2025-05-31,May 31,Saturday,08:00,awful,,,\n";

    static final String JSON = """
            {"counterEnvironments":[{"id":"0b0a","kind":"PERSON","name":"Sam","archived":true}],
             "checkIns":[{"id":"a1","date":"2025-05-30","recordedAt":"2025-05-30T20:00:00Z","mood":3,"moodLabel":"Okay",
               "homePull":4,"counterEnvironments":["Sam","Walks"],"smallWin":"A win","note":"A note","toDiscuss":false},
              {"id":"a2","date":"2025-05-31","mood":"1","homePull":9,"counterEnvironments":[],"smallWin":null,
               "note":null,"toDiscuss":true}],
             "wellbeingChecks":[]}""";

    static Properties messages;

    @BeforeAll
    static void seedAndMessages() throws IOException {
        System.out.println("ImportParserPropertyTests seed: " + RandomInput.SEED);
        messages = new Properties();
        try (InputStream in = ImportParserPropertyTests.class.getResourceAsStream("/messages.properties")) {
            messages.load(in);
        }
    }

    static Stream<Integer> cases() {
        return IntStream.range(0, 300).boxed();
    }

    static RandomInput input(int n) {
        return new RandomInput(RandomInput.SEED + n);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aJournalCsvIsReadOrRefusedWithWordsForEachProblem(int n) {
        RandomInput input = input(n);
        String csv = n % 3 == 0 ? input.text(80) : input.mutate(JOURNAL);
        JournalCsv.Parsed[] parsed = new JournalCsv.Parsed[1];
        assertThatCode(() -> parsed[0] = JournalCsv.parse(new StringReader(csv), TODAY)).doesNotThrowAnyException();
        assertThat(parsed[0].ok() ? List.<RowError>of() : parsed[0].errors()).allSatisfy(this::knownProblem);
        assertThat(parsed[0].ok() || parsed[0].rows().isEmpty()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aDaylioCsvIsReadOrRefusedWithWordsForEachProblem(int n) {
        RandomInput input = input(n);
        String csv = n % 3 == 0 ? input.text(80) : input.mutate(DAYLIO);
        DaylioCsv.Parsed[] parsed = new DaylioCsv.Parsed[1];
        assertThatCode(() -> parsed[0] = DaylioCsv.parse(new StringReader(csv), TODAY)).doesNotThrowAnyException();
        assertThat(parsed[0].errors()).allSatisfy(this::knownProblem);
        assertThat(parsed[0].errors().isEmpty() || parsed[0].entries().isEmpty()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aJournalJsonIsReadOrRefusedWithWordsForEachProblem(int n) {
        RandomInput input = input(n);
        String json = n % 3 == 0 ? input.text(80) : input.mutate(JSON);
        JournalJsonFile.Parsed[] parsed = new JournalJsonFile.Parsed[1];
        assertThatCode(() -> parsed[0] = JournalJsonFile.parse(json, TODAY)).doesNotThrowAnyException();
        assertThat(parsed[0].errors()).allSatisfy(this::knownProblem);
        assertThat(parsed[0].errors().isEmpty() || parsed[0].rows().isEmpty() && parsed[0].environments().isEmpty())
            .isTrue();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aJournalWrittenAsJsonReadsBackTheSame(int n) {
        RandomInput input = input(n);
        List<JournalCsv.Row> rows = IntStream.range(0, 1 + input.random().nextInt(5))
            .mapToObj(i -> row(input, TODAY.minusDays(input.random().nextInt(3000)))).toList();
        List<JournalExport.CheckInJson> checkIns = rows.stream()
            .map(r -> new JournalExport.CheckInJson(r.id(), r.day(), null, r.mood().value(), r.mood().fileLabel(),
                    r.homePull().value(), JournalCsv.sortedNames(r.environments()), r.smallWin(), r.note(), r.toDiscuss()))
            .toList();
        String json = JsonMapper.builder().build()
            .writeValueAsString(new JournalExport.JournalJson(List.of(), checkIns, List.of()));
        JournalJsonFile.Parsed parsed = JournalJsonFile.parse(json, TODAY);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).containsExactlyElementsOf(rows);
    }

    /** A NUL written as a JSON escape passes the upload's byte check; PostgreSQL would refuse to store it. */
    @Test
    void aNulWrittenAsAnEscapeIsRefused() {
        for (String where : List.of("\"note\": \"a\\u0000b\"", "\"smallWin\": \"\\u0000\"",
                "\"counterEnvironments\": [\"Walk\\u0000\"]", "\"x\\u0000\": 1")) {
            String json = "{\"checkIns\": [{\"date\": \"2025-01-01\", \"mood\": 3, \"homePull\": 4, " + where + "}]}";
            assertThat(JournalJsonFile.parse(json, TODAY).errors()).as(where)
                .extracting(JournalCsv.RowError::code).containsExactly("checkin.import.error.nul");
        }
        String otherEscapes = "{\"checkIns\": [{\"date\": \"2025-01-01\", \"mood\": 3, \"homePull\": 4, "
                + "\"note\": \"one\\ttwo\\nthree\\u0007\"}]}";
        assertThat(JournalJsonFile.parse(otherEscapes, TODAY).errors()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void anyUploadIsReadAsTextOrRefused(int n) {
        RandomInput input = input(n);
        CheckInLimits limits = new CheckInLimits(50, 10_000, DataSize.ofMegabytes(5), Duration.ofMinutes(30),
                DataSize.ofMegabytes(200));
        JournalFiles files = new JournalFiles(limits);
        byte[] bytes = input.bytes(n % 2 == 0 ? JOURNAL : DAYLIO);
        MockMultipartFile file = new MockMultipartFile("file", "upload.csv", "text/csv", bytes);
        assertThatCode(() -> {
            files.readCsv(file, TODAY).errors().forEach(this::knownProblem);
            files.readJson(file, TODAY).errors().forEach(this::knownProblem);
        }).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aJournalWrittenAsCsvReadsBackTheSame(int n) {
        RandomInput input = input(n);
        List<JournalCsv.Row> rows = IntStream.range(0, 1 + input.random().nextInt(5))
            .mapToObj(i -> row(input, TODAY.minusDays(input.random().nextInt(3000)))).toList();
        StringWriter out = new StringWriter();
        JournalCsv.write(rows, out);
        JournalCsv.Parsed parsed = JournalCsv.parse(new StringReader(out.toString()), TODAY);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).containsExactlyElementsOf(rows);
    }

    /** A row a journal can hold: its texts never carry a NUL, which neither a form nor an import lets in. */
    private static JournalCsv.Row row(RandomInput input, LocalDate day) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = input.random().nextInt(3); i > 0; i--) {
            String name = text(input, 4).replace(JournalCsv.SEPARATOR, "");
            if (!name.isBlank() && name.length() <= CounterEnvironment.NAME_MAX) {
                names.add(name);
            }
        }
        return new JournalCsv.Row(day, new Mood(1 + input.random().nextInt(5)), new HomePull(input.random().nextInt(11)),
                names, CheckInEntry.text(text(input, 6)), CheckInEntry.text(text(input, 20)), input.random().nextBoolean(),
                input.random().nextBoolean() ? null : orNull(text(input, 8).strip()));
    }

    private static String text(RandomInput input, int words) {
        return input.text(words).replace("\u0000", "");
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private void knownProblem(RowError error) {
        assertThat(messages).as("words for " + error.code()).containsKey(error.code());
    }
}
