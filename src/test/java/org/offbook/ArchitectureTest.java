package org.offbook;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layers of README's "How it works", kept one way: a package may use the packages listed
 * before it, never one after it. A wrong-way import, or Drools used outside {@code engine}, fails
 * the build with the classes and lines concerned.
 */
class ArchitectureTest {

    /** Bottom first. Sub-packages belong to their parent's layer. */
    static final List<String> LAYERS = List.of("model", "load", "prepare", "engine", "findings", "triage", "reports", "pipeline", "cli");

    /** The product's classes, without tests (the benchmark harness is in a source set of its own). */
    static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/bench-classes/") && !location.contains("/org/offbook/bench/"))
            .importPackages("org.offbook");

    private static String pkg(String layer) {
        return "org.offbook." + layer + "..";
    }

    @Test
    void everyLayerUsesOnlyTheLayersBelowIt() {
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream().map(ArchitectureTest::pkg).toArray(String[]::new);
            noClasses().that().resideInAPackage(pkg(LAYERS.get(i)))
                    .should().dependOnClassesThat().resideInAnyPackage(above)
                    .because(LAYERS.get(i) + " sits below " + Arrays.toString(above) + " (README, How it works)")
                    .check(PRODUCT);
        }
    }

    @Test
    void everyClassIsInALayer() {
        for (var c : PRODUCT) {
            String rest = c.getPackageName().equals("org.offbook") ? "" : c.getPackageName().substring("org.offbook.".length());
            String layer = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
            org.junit.jupiter.api.Assertions.assertTrue(LAYERS.contains(layer), c.getName() + " is in no layer of " + LAYERS);
        }
    }

    @Test
    void theGraphDoesNotUseThePreparationThatUsesIt() {
        noClasses().that().resideInAPackage("org.offbook.prepare.graph..")
                .should().dependOnClassesThat().resideInAPackage("org.offbook.prepare")
                .check(PRODUCT);
    }

    @Test
    void onlyTheEngineUsesDrools() {
        noClasses().that().resideOutsideOfPackage("org.offbook.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..")
                .check(PRODUCT);
    }

    @Test
    void theProductDoesNotUseTheBenchmarkHarness() {
        noClasses().that().resideInAPackage("org.offbook..")
                .should().dependOnClassesThat().resideInAPackage("org.offbook.bench..")
                .check(PRODUCT);
    }
}
