package org.counterspace.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.counterspace.support.RandomInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style tests of the HSDS readers with seeded random input (seed printed; {@code
 * -Dparsers.seed=N} repeats a run): mutated JSON files (from the official service_full.json) and
 * mutated CSV tables (the official services.csv) are read, or refused with the readers' own words,
 * and every record read is checked without an exception.
 */
class HsdsParserPropertyTests {

    static String serviceJson;

    static String servicesCsv;

    @BeforeAll
    static void examples() throws IOException {
        System.out.println("HsdsParserPropertyTests seed: " + RandomInput.SEED);
        serviceJson = read("/hsds/examples/service_full.json");
        servicesCsv = read("/hsds/examples/csv/services.csv");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = HsdsParserPropertyTests.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Stream<Integer> cases() {
        return IntStream.range(0, 300).boxed();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aJsonFileIsReadRecordByRecordOrRefusedWithAReason(int n) {
        RandomInput input = new RandomInput(RandomInput.SEED + n);
        byte[] file = n % 4 == 0 ? input.bytes("[" + serviceJson + "]")
                : input.mutate(n % 2 == 0 ? serviceJson : "[" + serviceJson + "," + serviceJson + "]")
                    .getBytes(StandardCharsets.UTF_8);
        HsdsRecordValidator validator = new HsdsRecordValidator(new HashSet<>());
        List<String> problems = new ArrayList<>();
        String[] fileProblem = new String[1];
        assertThatCode(() -> fileProblem[0] = HsdsRecordReader.eachRecord(() -> new ByteArrayInputStream(file),
                (record, pointer) -> validator.validate(record, RecordLocation.json("test.json", pointer), problems))).doesNotThrowAnyException();
        assertThat(fileProblem[0] == null || fileProblem[0].startsWith("The file") || fileProblem[0].startsWith("Expected"))
            .as(String.valueOf(fileProblem[0])).isTrue();
        assertThat(problems).allSatisfy(problem -> assertThat(problem).isNotBlank().hasSizeLessThan(500));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aCsvTableIsReadOrRefusedWithAReason(int n) {
        RandomInput input = new RandomInput(RandomInput.SEED + n);
        String csv = n % 4 == 0 ? input.text(60) : input.mutate(servicesCsv);
        try {
            List<Map<String, String>> rows = HsdsCsvImporter.rows("services.csv", csv);
            // blank lines are no rows, and an empty cell is no value
            assertThat(rows).allSatisfy(row -> assertThat(row).isNotEmpty().doesNotContainValue(""));
        }
        catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).startsWith("services.csv");
        }
    }
}
