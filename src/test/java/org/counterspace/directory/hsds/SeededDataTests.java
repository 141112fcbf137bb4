package org.counterspace.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.counterspace.CounterspaceApplication;
import org.counterspace.directory.NationalLines;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seeded data is optional and the same in every installation: an export of one fresh installation
 * imports into another without adding anything, and the demo services (or the national lines too)
 * can be left out. Each installation here is an app started on its own in-memory database.
 */
class SeededDataTests {

    static final List<String> TABLES = List.of("dir_service", "dir_organization", "dir_location", "dir_address",
            "dir_phone", "dir_schedule", "dir_language", "dir_service_at_location");

    static ConfigurableApplicationContext start(String... properties) {
        String[] args = new String[properties.length + 1];
        args[0] = "--server.port=0";
        System.arraycopy(properties, 0, args, 1, properties.length);
        return new SpringApplicationBuilder(CounterspaceApplication.class).run(args);
    }

    static Map<String, Long> counts(ConfigurableApplicationContext app) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        return TABLES.stream().collect(Collectors.toMap(table -> table,
                table -> jdbc.queryForObject("select count(*) from " + table, Long.class)));
    }

    @Test
    void anExportOfOneInstallationImportsIntoAFreshOneWithoutDuplicates() {
        byte[] export;
        Map<String, Long> seeded;
        try (ConfigurableApplicationContext first = start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            first.getBean(HsdsExporter.class).exportJson(out);
            export = out.toByteArray();
            seeded = counts(first);
        }
        try (ConfigurableApplicationContext fresh = start()) {
            assertThat(counts(fresh)).isEqualTo(seeded);
            ImportReport report = fresh.getBean(HsdsImporter.class).importJson("export.json", export, "test");
            assertThat(report.accepted()).as(report.toString()).isTrue();
            assertThat(report.imported()).isEqualTo(seeded.get("dir_service"));
            assertThat(counts(fresh)).isEqualTo(seeded);
        }
    }

    @Test
    void withoutDemoDataOnlyTheNationalLinesAreSeededAndWithoutThoseNothing() {
        try (ConfigurableApplicationContext app = start("--counterspace.directory.demo=false")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long lines = app.getBean(NationalLines.class).regions().stream().mapToLong(r -> r.lines().size()).sum();
            assertThat(jdbc.queryForObject("select count(*) from dir_service", Long.class)).isEqualTo(lines)
                .isPositive();
            assertThat(jdbc.queryForObject("select count(*) from dir_service where demo or not is_national", Long.class))
                .isZero();
        }
        try (ConfigurableApplicationContext app = start("--counterspace.directory.demo=false",
                "--counterspace.directory.national-lines=false")) {
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("select count(*) from dir_service", Long.class))
                .isZero();
        }
    }
}
