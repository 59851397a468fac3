package io.rectify;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages of Rectify form layers: the command line ({@code cli}) on top, the features below it,
 * and the leaves everything uses ({@code rule}, {@code workbook}, {@code ops}) at the bottom.
 */
class PackageCyclesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.rectify");

    @Test
    void noCycleBetweenPackages() {
        slices().matching("io.rectify.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void leafPackagesUseNoOtherRectifyPackage() {
        for (String leaf : new String[] {"rule", "workbook", "ops"}) {
            noClasses().that().resideInAPackage("io.rectify." + leaf + "..")
                    .should().dependOnClassesThat(resideInAPackage("io.rectify..")
                            .and(resideOutsideOfPackage("io.rectify." + leaf + "..")))
                    .check(MAIN);
        }
    }

    @Test
    void nothingUsesTheApplicationPackage() {
        noClasses().that().resideOutsideOfPackage("io.rectify")
                .should().dependOnClassesThat().resideInAPackage("io.rectify")
                .check(MAIN);
    }
}
