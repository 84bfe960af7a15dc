package com.trunkbill;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * STYLE.md: each feature has a pure domain core ({@code ..model..} packages) with no Spring, no jOOQ and
 * no JDBC, so the billing rules are unit-tested without a context.
 */
@AnalyzeClasses(packages = "com.trunkbill", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that().resideInAPackage("com.trunkbill..model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.jooq..", "java.sql..", "javax.sql..", "com.trunkbill.db..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule supportIsFreeOfSpringAndJooq = noClasses()
            .that().resideInAPackage("com.trunkbill.support..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..", "java.sql..");
}
