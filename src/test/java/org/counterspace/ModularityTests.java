package org.counterspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

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

    /** Writes the module diagram the README shows (docs/modules). */
    @Test
    void writesModuleDiagrams() throws Exception {
        Path output = Path.of("docs", "modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output.toString()))
            .writeModulesAsPlantUml()
            .writeIndividualModulesAsPlantUml();
        assertThat(Files.list(output).filter(p -> p.toString().endsWith(".puml")).count()).isPositive();
    }
}
