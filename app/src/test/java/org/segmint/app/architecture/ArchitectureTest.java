package org.segmint.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of docs/architecture.md, checked on the compiled classes of all three modules. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        // The modules arrive as folders or as jars (the persistence tests' jar is left out like every test).
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.segmint");
    }

    @Test
    void dependenciesPointOneWay() {
        noClasses().that().resideInAPackage("org.segmint.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.segmint.persistence..", "org.segmint.app..")
                .check(classes);
        noClasses().that().resideInAPackage("org.segmint.persistence..")
                .should().dependOnClassesThat().resideInAPackage("org.segmint.app..")
                .check(classes);
    }

    @Test
    void theModelIsFreeOfStorageFormatsAndScreens() {
        noClasses().that().resideInAPackage("org.segmint.model..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javafx..", "com.fasterxml..",
                        "org.apache.commons.csv..", "picocli..")
                .check(classes);
    }

    @Test
    void noSqlOutsidePersistence() {
        noClasses().that().resideInAPackage("org.segmint.app..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .because("every query lives in persistence, where values are bound and identifiers checked")
                .check(classes);
    }

    @Test
    void persistenceHasNoScreens() {
        noClasses().that().resideInAPackage("org.segmint.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "picocli..")
                .check(classes);
    }

    @Test
    void theCommandLineNeverTouchesTheScreens() {
        noClasses().that().resideInAPackage("org.segmint.app.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void appPackagesHaveNoCycles() {
        slices().matching("org.segmint.app.(*)..").should().beFreeOfCycles().check(classes);
    }
}
