package org.counterspace.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Places as people type them, from the data shipped with the app. */
class GazetteerTests {

    static final Gazetteer GAZETTEER = new Gazetteer("GB");

    static void near(Gazetteer.Place place, double latitude, double longitude) {
        assertThat(place.latitude()).isCloseTo(latitude, within(0.05));
        assertThat(place.longitude()).isCloseTo(longitude, within(0.05));
    }

    @Test
    void aTownFarLargerThanOthersOfItsNameIsTakenWithoutAsking() {
        Gazetteer.Place york = GAZETTEER.find("York").orElseThrow();
        assertThat(york.country()).isEqualTo("GB");
        near(york, 53.958, -1.083);
        assertThat(GAZETTEER.find("  yORk ")).contains(york);
        assertThat(GAZETTEER.find("Portland").orElseThrow().region()).isEqualTo("Oregon");
    }

    @Test
    void aPostcodeDistrictAndAFullPostcodeInItResolveToTheDistrict() {
        Gazetteer.Place sw1 = GAZETTEER.find("SW1").orElseThrow();
        assertThat(sw1.postcode()).isEqualTo("SW1");
        near(sw1, 51.497, -0.136);
        assertThat(GAZETTEER.find("SW1A 1AA")).contains(sw1);
        assertThat(GAZETTEER.find("sw1a1aa")).contains(sw1);
        assertThat(GAZETTEER.find("LS6 2AB").orElseThrow().postcode()).isEqualTo("LS6");
        assertThat(GAZETTEER.find("D01 F5P2").orElseThrow().name()).isEqualTo("Dublin");
    }

    @Test
    void aUsZipCodeResolvesToItsCentre() {
        Gazetteer.Place zip = GAZETTEER.find("94063").orElseThrow();
        assertThat(zip.country()).isEqualTo("US");
        near(zip, 37.493, -122.196);
        assertThat(GAZETTEER.find("94063-1234")).contains(zip);
        assertThat(GAZETTEER.find("00000")).isEmpty();
    }

    @Test
    void aSharedNameOffersAChoiceTheDefaultRegionFirstThenTheMostPopulous() {
        List<Gazetteer.Place> richmond = GAZETTEER.lookup("Richmond");
        assertThat(GAZETTEER.find("Richmond")).isEmpty();
        assertThat(richmond).hasSize(Gazetteer.CHOICES).extracting(Gazetteer.Place::label)
            .containsExactly("Richmond, near Darlington, England", "Richmond, near London, England", "Richmond, Virginia",
                    "Richmond, British Columbia", "Richmond, California", "Richmond, Indiana");
        // The choice, sent back as its label, is one place.
        Gazetteer.Place virginia = GAZETTEER.find("Richmond, Virginia").orElseThrow();
        near(virginia, 37.554, -77.460);
        assertThat(GAZETTEER.find("richmond,virginia")).contains(virginia);
        near(GAZETTEER.find("Richmond, near London, England").orElseThrow(), 51.462, -0.306);
        assertThat(GAZETTEER.find("Richmond, Atlantis")).isEmpty();
    }

    @Test
    void anotherDefaultRegionComesFirstInTheChoice() {
        assertThat(new Gazetteer("AU").lookup("Richmond").get(0).label()).isEqualTo("Richmond, Victoria");
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        assertThat(GAZETTEER.find("montreal").orElseThrow().name()).isEqualTo("Montréal");
    }

    @Test
    void unknownOrUnreasonableInputIsNoPlace() {
        assertThat(GAZETTEER.lookup("Narnia")).isEmpty();
        assertThat(GAZETTEER.lookup("")).isEmpty();
        assertThat(GAZETTEER.lookup(null)).isEmpty();
        assertThat(GAZETTEER.lookup("York".repeat(30))).isEmpty();
    }

    @Test
    void theDemoServicesTownsKeepTheirDistrictAndTimeZone() {
        Gazetteer.Place leeds = GAZETTEER.district("Leeds").orElseThrow();
        assertThat(leeds.postcode()).isEqualTo("LS1");
        assertThat(leeds.timeZone()).isEqualTo("Europe/London");
    }

    @Test
    void theWholeGazetteerLoadsQuickly() {
        long started = System.nanoTime();
        Gazetteer.Index index = Gazetteer.Index.load();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(index.byName()).hasSizeGreaterThan(15_000);
        assertThat(index.zips()).hasSizeGreaterThan(30_000);
        assertThat(millis).as("milliseconds to read the gazetteer").isLessThan(5_000);
    }
}
