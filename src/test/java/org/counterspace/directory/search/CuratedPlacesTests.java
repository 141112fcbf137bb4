package org.counterspace.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.counterspace.account.AccountPrincipal;
import org.counterspace.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Curators add places the shipped gazetteer lacks, from a CSV file: all or nothing, every bad line
 * said, and the search page finds them at once. Its own database: the places it adds would be found
 * by other classes' searches.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:curated-places;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class CuratedPlacesTests {

    static final String HEADER = "name,region,country,latitude,longitude,postcode,population\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    AccountPrincipal curator;

    @BeforeEach
    void curator() {
        curator = TestAccounts.create(jdbc, "places-" + UUID.randomUUID().toString().substring(0, 8),
                AccountPrincipal.ROLE_ADMIN);
    }

    ResultActions upload(AccountPrincipal who, String csv) throws Exception {
        return mvc.perform(multipart("/curate/places/import")
            .file(new MockMultipartFile("file", "places.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
            .with(csrf()).with(TestAccounts.as(who)));
    }

    long places() {
        return jdbc.queryForObject("select count(*) from dir_place", Long.class);
    }

    @Test
    void addedPlacesAndDistrictsAreFoundByTheSearchAtOnce() throws Exception {
        mvc.perform(get("/support").param("place", "Quillby Magna")).andExpect(status().isOk())
            .andExpect(content().string(containsString("We do not know")));
        upload(curator, HEADER + "Quillby Magna,England,GB,53.80,-1.55,,\nQuillby Parva,England,GB,53.81,-1.56,QB9,120\n")
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Added 2 places and updated 0.")));
        mvc.perform(get("/support").param("place", "quillby magna")).andExpect(status().isOk())
            .andExpect(content().string(containsString("near quillby magna")))
            .andExpect(content().string(containsString("km away")));
        mvc.perform(get("/support").param("place", "QB9 1AA")).andExpect(status().isOk())
            .andExpect(content().string(containsString("km away")))
            .andExpect(content().string(not(containsString("We do not know"))));

        // the same name, region and country again updates the place
        upload(curator, HEADER + "Quillby Magna,England,GB,53.90,-1.50,,\n")
            .andExpect(content().string(containsString("Added 0 places and updated 1.")));
        assertThat(jdbc.queryForObject("select latitude from dir_place where name = 'Quillby Magna'", Double.class))
            .isEqualTo(53.90);
    }

    @Test
    void aFileWithBadLinesAddsNothingAndNamesEachLine() throws Exception {
        long before = places();
        upload(curator, HEADER + "Goodtown,England,GB,52.0,-1.0,,\n,England,GB,52.0,-1.0,,\n"
                + "Badtown,England,Britain,95,-1.0,,lots\n")
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Nothing was added")))
            .andExpect(content().string(containsString("Line 3: The name is needed")))
            .andExpect(content().string(containsString("Line 4: \u201cBRITAIN\u201d is not a two-letter country code")))
            .andExpect(content().string(containsString("Line 4: The latitude and longitude must be numbers")))
            .andExpect(content().string(containsString("Line 4: \u201clots\u201d is not a whole number")));
        assertThat(places()).isEqualTo(before);
        upload(curator, "town,lat,lon\nX,1,2\n")
            .andExpect(content().string(containsString("The first line must name the columns")));
        upload(curator, HEADER).andExpect(content().string(containsString("The file has no places in it.")));
        assertThat(places()).isEqualTo(before);
    }

    @Test
    void onlyCuratorsMayAddPlaces() throws Exception {
        AccountPrincipal person = TestAccounts.create(jdbc, "person-" + UUID.randomUUID().toString().substring(0, 8));
        long before = places();
        upload(person, HEADER + "Sneakton,England,GB,52.0,-1.0,,\n").andExpect(status().isForbidden());
        mvc.perform(get("/curate/places").with(TestAccounts.as(person))).andExpect(status().isForbidden());
        assertThat(places()).isEqualTo(before);
        mvc.perform(get("/curate/places").with(TestAccounts.as(curator))).andExpect(status().isOk())
            .andExpect(content().string(containsString("Places people can search near")));
    }
}
