package org.counterspace.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.account.PersonalDataExporter;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class TransferControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CheckInService checkins;

    @Autowired
    List<PersonalDataExporter> exporters;

    @Autowired
    CheckInLimits limits;

    @Autowired
    DaylioPreviews previews;

    AccountPrincipal me;

    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void account() {
        me = newAccount();
    }

    AccountPrincipal newAccount() {
        AccountPrincipal account = TestAccounts.create(jdbc, "io-" + UUID.randomUUID().toString().substring(0, 8));
        checkins.seed(account.id());
        return account;
    }

    String exportCsv(AccountPrincipal who) throws Exception {
        return mvc.perform(get("/checkins/export/csv").with(TestAccounts.as(who)))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"counterspace-checkins-")))
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    MockMultipartHttpServletRequestBuilder upload(String path, AccountPrincipal who, byte[] bytes) {
        return multipart(path).file(new MockMultipartFile("file", "journal.csv", "text/csv", bytes))
            .with(TestAccounts.as(who)).with(csrf());
    }

    /** The id of the Daylio upload waiting for this person, which the preview page sends back on confirming. */
    String previewOf(AccountPrincipal who) {
        return jdbc.queryForObject("select preview_id from daylio_preview where account_id = ?", UUID.class, who.id())
            .toString();
    }

    int count(AccountPrincipal who) {
        return jdbc.queryForObject("select count(*) from check_in where account_id = ?", Integer.class, who.id());
    }

    static Stream<Arguments> seeds() {
        return IntStream.range(0, 6).mapToObj(seed -> Arguments.of(seed));
    }

    /** Export from one account, import into a fresh one, export again: the two files are identical. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void exportImportExportIsIdentical(int seed) throws Exception {
        List<JournalCsv.Row> journal = JournalCsvTests.journal(new Random(1000 + seed));
        jdbc.update("delete from check_in where account_id = ?", me.id());
        importInto(me, journal);
        String first = exportCsv(me);

        AccountPrincipal fresh = newAccount();
        mvc.perform(upload("/checkins/import", fresh, first.getBytes(StandardCharsets.UTF_8)))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/checkins"));
        assertThat(count(fresh)).isEqualTo(journal.size());
        assertThat(exportCsv(fresh)).isEqualTo(first);
    }

    /** Puts a journal into an account through the import endpoint itself. */
    void importInto(AccountPrincipal who, List<JournalCsv.Row> rows) throws Exception {
        StringWriter out = new StringWriter();
        JournalCsv.write(rows, out);
        mvc.perform(upload("/checkins/import", who, out.toString().getBytes(StandardCharsets.UTF_8)))
            .andExpect(status().isFound());
    }

    @Test
    void exportHasCurrentNamesEscapedFormulasAndJsonTwin() throws Exception {
        UUID music = checkins.environments(me.id()).stream().filter(e -> e.getName().equals("Music")).findFirst().orElseThrow().getId();
        checkins.record(me.id(), new CheckInEntry(LocalDate.of(2025, 5, 1), new Mood(5), new HomePull(1),
                "=HYPERLINK(\"x\")", "line one\nline two", true, Set.of(music)));
        checkins.renameEnvironment(me.id(), music, "Piano");
        UUID id = checkins.between(me.id(), CheckInService.EARLIEST, CheckInService.LATEST).get(0).getId();
        assertThat(exportCsv(me)).isEqualTo(JournalCsvTests.EXPORT_HEADER
                + "2025-05-01,5,Very good,1,Piano,\"'=HYPERLINK(\"\"x\"\")\",\"line one\nline two\",true," + id + "\r\n");
        mvc.perform(get("/checkins/export/json").with(TestAccounts.as(me)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.checkIns[0].id").value(id.toString()))
            .andExpect(jsonPath("$.checkIns[0].date").value("2025-05-01"))
            .andExpect(jsonPath("$.checkIns[0].mood").value(5))
            .andExpect(jsonPath("$.checkIns[0].moodLabel").value("Very good"))
            .andExpect(jsonPath("$.checkIns[0].counterEnvironments[0]").value("Piano"))
            .andExpect(jsonPath("$.checkIns[0].smallWin").value("=HYPERLINK(\"x\")"))
            .andExpect(jsonPath("$.counterEnvironments.length()").value(7));
        PersonalDataExporter exporter = exporters.stream().filter(e -> e.section().equals("checkins")).findFirst().orElseThrow();
        assertThat(exporter.export(me.id())).isInstanceOf(JournalExport.JournalJson.class);
        assertThat(((JournalExport.JournalJson) exporter.export(me.id())).checkIns()).hasSize(1);
    }

    @Test
    void importCreatesUnknownEnvironmentsAndMatchesKnownOnesIgnoringCase() throws Exception {
        String csv = JournalCsvTests.HEADER + "2025-01-02,3,Okay,4,MUSIC;Night bus,,'-note,false\n";
        mvc.perform(upload("/checkins/import", me, csv.getBytes(StandardCharsets.UTF_8)))
            .andExpect(status().isFound())
            .andExpect(flash().attribute("imported", new TransferService.ImportCounts(1, 0, 0)));
        assertThat(checkins.environments(me.id())).extracting(CounterEnvironment::getName).contains("Music", "Night bus").hasSize(8);
        CheckIn imported = checkins.between(me.id(), LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 2)).get(0);
        assertThat(imported.getNote()).isEqualTo("-note");
        assertThat(imported.getEnvironmentIds()).hasSize(2);
    }

    @Test
    void aFileWithOneBadRowImportsNothingAndListsTheRow() throws Exception {
        String csv = JournalCsvTests.HEADER + "2025-01-02,3,Okay,4,New place,,,false\n2025-01-03,9,Okay,4,,,,false\n";
        mvc.perform(upload("/checkins/import", me, csv.getBytes(StandardCharsets.UTF_8)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Nothing was imported")))
            .andExpect(content().string(containsString("Row 3:")))
            .andExpect(content().string(containsString("mood must be a whole number from 1 to 5")));
        assertThat(count(me)).isZero();
        assertThat(checkins.environments(me.id())).hasSize(7);
    }

    @Test
    void binaryMissingAndOversizedFilesAreRefusedKindly() throws Exception {
        mvc.perform(upload("/checkins/import", me, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 1 }))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("does not look like a CSV text file")));
        mvc.perform(upload("/checkins/import", me, new byte[] { (byte) 0xC3, (byte) 0x28, 'a' }))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("does not look like a CSV text file")));
        mvc.perform(upload("/checkins/import", me, new byte[0]))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Choose a file to import")));
        byte[] big = new byte[(int) limits.importFileSize().toBytes() + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        mvc.perform(upload("/checkins/import", me, big))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("This file is too large (limit 5 MB)")));
        mvc.perform(multipart("/checkins/import").with(TestAccounts.as(me)).with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Choose a file to import")));
        assertThat(count(me)).isZero();
    }

    static final String DAYLIO = "\uFEFFfull_date,date,weekday,time,mood,activities,note_title,note\n"
            + "2025-03-02,March 2,Sunday,9:15 pm,rad,friends | music | Long walk,Good day,Saw Sam\n"
            + "2025-03-01,March 1,Saturday,8:00 pm,awful,,,\n"
            + "2025-03-01,March 1,Saturday,7:00 am,meh,reading,,\n";

    @Test
    void daylioImportShowsAPreviewAndSavesOnlyOnConfirm() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(upload("/checkins/import/daylio", me, DAYLIO.getBytes(StandardCharsets.UTF_8)).session(session))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/checkins/import/daylio"));
        assertThat(count(me)).isZero();
        mvc.perform(get("/checkins/import/daylio").session(session).with(TestAccounts.as(me)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("3 entries from 1 March 2025 to 2 March 2025")))
            .andExpect(content().string(containsString("<strong>Long walk</strong>")))
            .andExpect(content().string(containsString("will be added as a practice")))
            .andExpect(content().string(containsString("matches your counter-environment \u201cMusic\u201d")))
            .andExpect(content().string(containsString("3 are new; none is already in your journal.")))
            .andExpect(content().string(containsString("name=\"preview\" value=\"" + previewOf(me) + "\"")))
            // the check-in form's prepared home-pull scale, with nothing chosen
            .andExpect(content().string(containsString("name=\"homePull\" id=\"pull-10\" value=\"10\">")))
            .andExpect(content().string(not(containsString("checked"))));
        String preview = previewOf(me);

        AccountPrincipal other = newAccount();
        mvc.perform(get("/checkins/import/daylio").session(session).with(TestAccounts.as(other)))
            .andExpect(redirectedUrl("/checkins/export"));
        mvc.perform(post("/checkins/import/daylio/confirm").param("preview", preview).param("homePull", "5").session(session)
                .with(TestAccounts.as(other)).with(csrf()))
            .andExpect(redirectedUrl("/checkins/export"));
        assertThat(count(other)).isZero();

        mvc.perform(post("/checkins/import/daylio/confirm").param("preview", preview).session(session)
                .with(TestAccounts.as(me)).with(csrf()))
            .andExpect(redirectedUrl("/checkins/import/daylio"))
            .andExpect(flash().attribute("pullMissing", true));
        // a page of an upload that has been replaced since (here: of no upload at all) imports nothing
        mvc.perform(post("/checkins/import/daylio/confirm").param("preview", UUID.randomUUID().toString())
                .param("homePull", "5").session(session).with(TestAccounts.as(me)).with(csrf()))
            .andExpect(redirectedUrl("/checkins/export"))
            .andExpect(flash().attribute("previewGone", 30L));
        assertThat(count(me)).isZero();

        mvc.perform(post("/checkins/import/daylio/confirm").param("preview", preview).param("homePull", "5").session(session)
                .with(TestAccounts.as(me)).with(csrf()))
            .andExpect(redirectedUrl("/checkins"))
            .andExpect(flash().attribute("imported", new TransferService.ImportCounts(3, 0, 0)));
        List<CheckIn> imported = checkins.between(me.id(), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2));
        assertThat(imported).extracting(CheckIn::getMood).containsExactly(new Mood(3), new Mood(1), new Mood(5)); // 7:00 am before 8:00 pm
        assertThat(imported.get(2).getNote()).isEqualTo("Good day\n\nSaw Sam");
        assertThat(imported).extracting(CheckIn::getHomePull).containsOnly(new HomePull(5));
        assertThat(checkins.environments(me.id())).extracting(CounterEnvironment::getName).contains("friends", "Long walk", "reading");
        assertThat(previews.find(me.id())).isEmpty();
    }

    @Test
    void daylioFilesWithUnknownMoodsOrWrongColumnsAreRefused() throws Exception {
        String csv = "full_date,date,weekday,time,mood,activities,note_title,note\n2025-03-02,x,y,9:15 pm,ecstatic,,,\n";
        mvc.perform(upload("/checkins/import/daylio", me, csv.getBytes(StandardCharsets.UTF_8)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("not one of Daylio")));
        mvc.perform(upload("/checkins/import/daylio", me, JournalCsvTests.HEADER.getBytes(StandardCharsets.UTF_8)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("The first row must name the columns: full_date")));
        mvc.perform(get("/checkins/import/daylio").with(TestAccounts.as(me))).andExpect(redirectedUrl("/checkins/export"));
        assertThat(count(me)).isZero();
    }

    @Test
    void inDiscreetModeExportFilesAreNamedOnlyByTheDay() throws Exception {
        AccountPrincipal discreet = me.withSettings(ZoneOffset.UTC, true);
        for (String format : List.of("csv", "json")) {
            mvc.perform(get("/checkins/export/" + format).with(TestAccounts.as(discreet)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"notes-" + today + "." + format + "\""));
        }
    }
    String exportJson(AccountPrincipal who) throws Exception {
        return mvc.perform(get("/checkins/export/json").with(TestAccounts.as(who)))
            .andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    TransferService.ImportCounts imported(String path, AccountPrincipal who, String file) throws Exception {
        return (TransferService.ImportCounts) mvc.perform(upload(path, who, file.getBytes(StandardCharsets.UTF_8)))
            .andExpect(redirectedUrl("/checkins"))
            .andReturn().getFlashMap().get("imported");
    }

    /** The same CSV twice, with ids or without: the second import adds nothing; an edited entry is updated. */
    @Test
    void importingTheSameCsvAgainAddsNothingAndUpdatesWhatChanged() throws Exception {
        String old = JournalCsvTests.HEADER + "2025-01-02,3,Okay,4,Walk,,,false\n2025-01-02,3,Okay,4,Walk,,,false\n"
                + "2025-01-03,2,Low,6,,,A note,true\n";
        assertThat(imported("/checkins/import", me, old)).isEqualTo(new TransferService.ImportCounts(3, 0, 0));
        assertThat(imported("/checkins/import", me, old)).isEqualTo(new TransferService.ImportCounts(0, 0, 3));
        assertThat(count(me)).isEqualTo(3);

        String exported = exportCsv(me);
        assertThat(imported("/checkins/import", me, exported)).isEqualTo(new TransferService.ImportCounts(0, 0, 3));
        String edited = exported.replace("A note", "A longer note");
        assertThat(imported("/checkins/import", me, edited)).isEqualTo(new TransferService.ImportCounts(0, 1, 2));
        assertThat(count(me)).isEqualTo(3);
        assertThat(checkins.between(me.id(), LocalDate.of(2025, 1, 3), LocalDate.of(2025, 1, 3)).get(0).getNote())
            .isEqualTo("A longer note");

        // into another account and back: the entries keep their ids, so nothing doubles either way
        AccountPrincipal other = newAccount();
        assertThat(imported("/checkins/import", other, edited).added()).isEqualTo(3);
        assertThat(imported("/checkins/import", other, edited).already()).isEqualTo(3);
        assertThat(imported("/checkins/import", me, exportCsv(other)).already()).isEqualTo(3);
        assertThat(count(me)).isEqualTo(3);
        mvc.perform(get("/checkins").with(TestAccounts.as(me)).flashAttr("imported",
                new TransferService.ImportCounts(0, 1, 2)))
            .andExpect(content().string(containsString(
                    "No new check-ins were added, 1 was updated to match the file, and 2 were already in your journal")));
    }

    /** A double-clicked Import: the same file sent several times at once still adds each entry once. */
    @Test
    void theSameFileImportedSeveralTimesAtOnceAddsEachEntryOnce() throws Exception {
        AccountPrincipal clicker = newAccount();
        StringBuilder file = new StringBuilder(JournalCsvTests.HEADER);
        for (int day = 1; day <= 28; day++) {
            file.append("2025-02-%02d,3,Okay,4,Walk,,Day %d,false\n".formatted(day, day));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TransferService.ImportCounts>> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(pool.submit(() -> imported("/checkins/import", clicker, file.toString())));
            }
            int added = 0;
            for (Future<TransferService.ImportCounts> one : sent) {
                added += one.get(60, TimeUnit.SECONDS).added();
            }
            assertThat(added).isEqualTo(28);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(count(clicker)).isEqualTo(28);
    }

    /** The JSON export into a fresh account gives the same entries and counter-environments; into the same one, nothing. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theJsonExportRoundTrips(int seed) throws Exception {
        jdbc.update("delete from check_in where account_id = ?", me.id());
        importInto(me, JournalCsvTests.journal(new Random(2000 + seed)));
        UUID friend = checkins.addEnvironment(me.id(), EnvironmentKind.PERSON, "Old friend").getId();
        checkins.archiveEnvironment(me.id(), friend, true);
        String json = exportJson(me);
        int entries = count(me);

        AccountPrincipal fresh = newAccount();
        assertThat(imported("/checkins/import/json", fresh, json).added()).isEqualTo(entries);
        assertThat(withoutBookkeeping(exportJson(fresh))).isEqualTo(withoutBookkeeping(json));
        assertThat(imported("/checkins/import/json", fresh, json).already()).isEqualTo(entries);
        assertThat(imported("/checkins/import/json", me, json).already()).isEqualTo(entries);
        assertThat(imported("/checkins/import/json", me, exportJson(fresh)).added()).isZero();
        assertThat(count(me)).isEqualTo(entries);
        assertThat(count(fresh)).isEqualTo(entries);
    }

    /** An export without what is the account's own: the counter-environments' ids and when each check-in was saved. */
    static Map<?, ?> withoutBookkeeping(String json) {
        Map<?, ?> tree = tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, Map.class);
        ((List<?>) tree.get("counterEnvironments")).forEach(e -> ((Map<?, ?>) e).remove("id"));
        ((List<?>) tree.get("checkIns")).forEach(c -> ((Map<?, ?>) c).remove("recordedAt"));
        return tree;
    }

    @Test
    void aJsonFileWithProblemsImportsNothingAndListsThem() throws Exception {
        String json = "{\"checkIns\":[{\"date\":\"2025-01-02\",\"mood\":3,\"homePull\":4},"
                + "{\"date\":\"2025-13-02\",\"mood\":7,\"homePull\":4}]}";
        mvc.perform(upload("/checkins/import/json", me, json.getBytes(StandardCharsets.UTF_8)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Nothing was imported")))
            .andExpect(content().string(containsString("Check-in 2:")))
            .andExpect(content().string(containsString("mood must be a whole number from 1 to 5")));
        mvc.perform(upload("/checkins/import/json", me, "[1,2".getBytes(StandardCharsets.UTF_8)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("could not be read as JSON")));
        mvc.perform(upload("/checkins/import/json", me, "{\"entries\":[]}".getBytes(StandardCharsets.UTF_8)))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("it needs a list called checkIns")));
        assertThat(count(me)).isZero();
    }

    /** A Daylio file imported twice: the second preview finds every entry already there, and confirming adds nothing. */
    @Test
    void aDaylioFileImportedTwiceAddsNothingTheSecondTime() throws Exception {
        for (int round = 0; round < 2; round++) {
            mvc.perform(upload("/checkins/import/daylio", me, DAYLIO.getBytes(StandardCharsets.UTF_8)))
                .andExpect(redirectedUrl("/checkins/import/daylio"));
            mvc.perform(get("/checkins/import/daylio").with(TestAccounts.as(me)))
                .andExpect(content().string(containsString(round == 0 ? "3 are new; none is already in your journal."
                        : "None of them is new; 3 are already in your journal and will be left as they are.")));
            mvc.perform(post("/checkins/import/daylio/confirm").param("preview", previewOf(me)).param("homePull", "5")
                    .with(TestAccounts.as(me)).with(csrf()))
                .andExpect(flash().attribute("imported", new TransferService.ImportCounts(round == 0 ? 3 : 0, 0,
                        round == 0 ? 0 : 3)));
        }
        assertThat(count(me)).isEqualTo(3);
    }

    /** "Walk", "walk" and a full-width "Ｗａｌｋ" are one activity in the preview, matched to an existing "WALK". */
    @Test
    void theDaylioPreviewMatchesActivitiesIgnoringCaseSpacesAndWidth() throws Exception {
        checkins.addEnvironment(me.id(), EnvironmentKind.PRACTICE, "WALK");
        String daylio = "full_date,date,weekday,time,mood,activities,note_title,note\n"
                + "2025-03-02,March 2,Sunday,9:15 pm,rad,Walk | walk ,,\n"
                + "2025-03-03,March 3,Monday,9:15 pm,good,\uFF37\uFF41\uFF4C\uFF4B | Night bus | night BUS,,\n";
        mvc.perform(upload("/checkins/import/daylio", me, daylio.getBytes(StandardCharsets.UTF_8)))
            .andExpect(redirectedUrl("/checkins/import/daylio"));
        String page = mvc.perform(get("/checkins/import/daylio").with(TestAccounts.as(me)))
            .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).containsOnlyOnce("<strong>Walk</strong>").doesNotContain("<strong>walk</strong>")
            .contains("(<span>2 entries</span>):\n      <span>matches your counter-environment \u201cWALK\u201d</span>")
            .containsOnlyOnce("<strong>Night bus</strong>").containsOnlyOnce("will be added as a practice");
        mvc.perform(post("/checkins/import/daylio/confirm").param("preview", previewOf(me)).param("homePull", "5")
                .with(TestAccounts.as(me)).with(csrf()))
            .andExpect(redirectedUrl("/checkins"));
        assertThat(checkins.environments(me.id())).extracting(CounterEnvironment::getName)
            .filteredOn(name -> CheckInService.nameKey(name).equals("walk")).containsExactly("WALK");
        assertThat(checkins.environments(me.id())).hasSize(9);
    }
}
