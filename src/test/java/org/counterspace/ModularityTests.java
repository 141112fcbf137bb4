package org.counterspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CounterspaceApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void everyFeatureIsAModule() {
        assertThat(modules.stream().map(module -> module.getBasePackage().getName()))
            .contains("org.counterspace.guidance", "org.counterspace.safety", "org.counterspace.web");
    }

    /**
     * Writes the module diagrams the README shows (docs/modules). The Documenter lists relations in no
     * fixed order, so a diagram is only replaced when its lines changed, not just their order.
     */
    @Test
    void writesModuleDiagrams() throws Exception {
        Path written = Path.of("target", "modules");
        Path docs = Path.of("docs", "modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(written.toString()))
            .writeModulesAsPlantUml()
            .writeIndividualModulesAsPlantUml();
        Files.createDirectories(docs);
        List<Path> diagrams;
        try (Stream<Path> files = Files.list(written)) {
            diagrams = files.filter(file -> file.toString().endsWith(".puml")).toList();
        }
        for (Path diagram : diagrams) {
            Path shown = docs.resolve(diagram.getFileName());
            if (!Files.exists(shown) || !sortedLines(shown).equals(sortedLines(diagram))) {
                Files.copy(diagram, shown, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertThat(diagrams).isNotEmpty();
    }

    private static List<String> sortedLines(Path file) throws Exception {
        return Files.readAllLines(file).stream().sorted().toList();
    }
}
