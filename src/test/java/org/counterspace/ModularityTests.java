package org.counterspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    /** Where the committed diagrams live; {@code tools/module-diagrams.sh} copies fresh ones there. */
    static final Path COMMITTED_DIAGRAMS = Path.of("docs", "modules");
    static final Path WRITTEN_DIAGRAMS = Path.of("target", "modules");

    private final ApplicationModules modules = ApplicationModules.of(CounterspaceApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void everyFeatureIsAModule() {
        assertThat(modules.stream().map(module -> module.getBasePackage().getName()))
            .containsExactlyInAnyOrder("org.counterspace.guidance", "org.counterspace.account",
                "org.counterspace.checkin", "org.counterspace.directory", "org.counterspace.safety",
                "org.counterspace.web");
    }

    /**
     * Writes the module diagrams under target/ and checks the committed ones in docs/modules still say
     * the same. The Documenter lists relations in no fixed order, so lines are compared sorted.
     */
    @Test
    void committedModuleDiagramsAreCurrent() throws Exception {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(WRITTEN_DIAGRAMS.toString()))
            .writeModulesAsPlantUml()
            .writeIndividualModulesAsPlantUml();
        List<Path> diagrams;
        try (Stream<Path> files = Files.list(WRITTEN_DIAGRAMS)) {
            diagrams = files.filter(file -> file.toString().endsWith(".puml")).sorted().toList();
        }
        assertThat(diagrams).isNotEmpty();
        for (Path diagram : diagrams) {
            Path committed = COMMITTED_DIAGRAMS.resolve(diagram.getFileName());
            assertThat(committed).as("%s is committed (run tools/module-diagrams.sh)", committed).exists();
            assertThat(sortedLines(committed))
                .as("%s matches the modules (run tools/module-diagrams.sh)", committed)
                .isEqualTo(sortedLines(diagram));
        }
    }

    private static List<String> sortedLines(Path file) throws Exception {
        return Files.readAllLines(file).stream().sorted().toList();
    }
}
