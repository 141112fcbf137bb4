package org.counterspace.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.mock.web.MockHttpSession;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DeletionAndExportTests extends AccountWebTestSupport {

    static final String OWNED_TABLES = "select table_name from information_schema.columns "
            + "where lower(column_name) = 'account_id' and lower(table_schema) = lower(current_schema)";

    @Test
    void deletingTheAccountLeavesNoRowOfItsOwnInAnyTableAndKeepsOthers() throws Exception {
        String name = uniqueName("leaving");
        register(name, PASSWORD);
        UUID id = idOf(name);
        AccountPrincipal neighbour = testAccount("staying");
        List<String> seeded = seedEveryOwnedTable(id);
        seedEveryOwnedTable(neighbour.id());
        insertStoredSession(name);
        insertStoredSession(neighbour.getUsername());
        assertThat(seeded).contains("RECOVERY_CODE");
        MockHttpSession session = signIn(name, PASSWORD);

        mvc.perform(post("/account/delete").session(session).with(csrf()).param("currentPassword", "not it at all"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("That is not your current password")));
        assertThat(jdbc.queryForObject("select count(*) from account where id = ?", Integer.class, id)).isOne();

        mvc.perform(post("/account/delete").session(session).with(csrf()).param("currentPassword", PASSWORD))
            .andExpect(redirectedUrl("/login?deleted"));
        assertThat(session.isInvalid()).isTrue();
        assertThat(otherFeature.deleted).contains(id);

        for (String table : jdbc.queryForList(OWNED_TABLES, String.class)) {
            assertThat(jdbc.queryForObject("select count(*) from " + table + " where account_id = ?", Integer.class, id))
                .as(table).isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from account where id = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION where PRINCIPAL_NAME = ?", Integer.class,
                name)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION where PRINCIPAL_NAME = ?", Integer.class,
                neighbour.getUsername())).isOne();
        assertThat(jdbc.queryForObject("select count(*) from recovery_code where account_id = ?", Integer.class,
                neighbour.id())).isOne();
        mvc.perform(post("/login").with(csrf()).with(from(uniqueAddress()))
            .param("username", name).param("password", PASSWORD)).andExpect(redirectedUrl("/login?error"));
    }

    /** A row in every table with an account_id column, NOT NULL columns filled by type; the tables seeded. */
    List<String> seedEveryOwnedTable(UUID accountId) {
        List<String> seeded = new ArrayList<>();
        for (String table : jdbc.queryForList(OWNED_TABLES, String.class)) {
            List<String> columns = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (Map<String, Object> column : jdbc.queryForList("select column_name, data_type, is_nullable, "
                    + "column_default from information_schema.columns where table_name = ? "
                    + "and lower(table_schema) = lower(current_schema)", table)) {
                String columnName = String.valueOf(column.get("COLUMN_NAME"));
                boolean owner = columnName.equalsIgnoreCase("account_id");
                if (!owner && ("YES".equals(column.get("IS_NULLABLE")) || column.get("COLUMN_DEFAULT") != null)) {
                    continue;
                }
                columns.add(columnName);
                values.add(owner ? accountId : sample(String.valueOf(column.get("DATA_TYPE"))));
            }
            String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            try {
                jdbc.update(sql, values.toArray());
                seeded.add(table.toUpperCase(Locale.ROOT));
            }
            catch (DataAccessException e) {
                // constraints a generic row cannot meet (checks, other foreign keys): still checked after deletion
            }
        }
        return seeded;
    }

    static Object sample(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.contains("uuid")) {
            return UUID.randomUUID();
        }
        if (t.contains("timestamp")) {
            return Timestamp.from(Instant.now());
        }
        if (t.equals("date")) {
            return Date.valueOf(LocalDate.now());
        }
        if (t.contains("bool")) {
            return false;
        }
        if (t.contains("int") || t.contains("numeric") || t.contains("decimal") || t.contains("double")
                || t.contains("real") || t.contains("float")) {
            return 1;
        }
        return "x";
    }

    void insertStoredSession(String principalName) {
        String primaryId = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        jdbc.update("insert into SPRING_SESSION (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME, "
                + "MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME) values (?, ?, ?, ?, ?, ?, ?)", primaryId,
                UUID.randomUUID().toString(), now, now, 1800, now + 1_800_000, principalName);
        jdbc.update("insert into SPRING_SESSION_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES) "
                + "values (?, ?, ?)", primaryId, "example", new byte[] { 1, 2, 3 });
    }

    @Test
    void theExportIsAVersionedJsonDownloadOfTheCallersDataOnly() throws Exception {
        AccountPrincipal a = testAccount("exporter.a");
        AccountPrincipal b = testAccount("exporter.b");
        byte[] body = mvc.perform(get("/account/export").with(TestAccounts.as(b)))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", containsString("application/json")))
            .andExpect(header().string("Content-Disposition", "attachment; filename=\"counterspace-export.json\""))
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andReturn().getResponse().getContentAsByteArray();
        JsonNode export = JsonMapper.builder().build().readTree(body);
        assertThat(export.path("format").asString()).isEqualTo("counterspace-export");
        assertThat(export.path("version").asInt()).isEqualTo(1);
        assertThat(Instant.parse(export.path("exportedAt").asString())).isBeforeOrEqualTo(Instant.now());
        JsonNode account = export.path("account");
        assertThat(account.path("username").asString()).isEqualTo(b.getUsername());
        assertThat(account.path("timeZone").asString()).isEqualTo("UTC");
        assertThat(account.path("discreet").asBoolean()).isFalse();
        assertThat(account.path("roles").get(0).asString()).isEqualTo("ROLE_USER");
        assertThat(account.has("createdAt")).isTrue();
        assertThat(export.path("other").path("owner").asString()).isEqualTo(b.id().toString());
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(a.getUsername(), a.id().toString(), "password", "argon2");
    }

    @Test
    void inDiscreetModeTheExportIsNamedOnlyByTheDay() throws Exception {
        AccountPrincipal discreet = testAccount("exporter.d").withSettings(ZoneOffset.UTC, true);
        mvc.perform(get("/account/export").with(TestAccounts.as(discreet)))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition",
                    "attachment; filename=\"notes-" + LocalDate.now(ZoneOffset.UTC) + ".json\""));
    }
}
