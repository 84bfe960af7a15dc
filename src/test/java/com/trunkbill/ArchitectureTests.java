package com.trunkbill;

import com.trunkbill.db.jooq.DefaultSchema;
import com.trunkbill.db.jooq.Tables;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * STYLE.md: each feature has a pure domain core ({@code ..model..} packages) with no Spring, no jOOQ and
 * no JDBC, so the billing rules are unit-tested without a context; and a feature owns its tables: only
 * {@code rating} touches the rating tables, every other feature reads current rated usage through
 * {@code rating.RatedUsage}.
 */
@AnalyzeClasses(packages = "com.trunkbill", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** The tables {@code rating} owns (sql/migration: rating_run, rated_cdr, rating_run_total). */
    static final List<Table<?>> RATING_TABLES = List.of(Tables.RATED_CDR, Tables.RATING_RUN, Tables.RATING_RUN_PARTITION, Tables.RATING_RUN_TOTAL);

    private static final Set<String> RATING_TABLE_CLASSES = RATING_TABLES.stream()
            .flatMap(table -> Stream.of(table.getClass(), table.getRecordType()))
            .map(Class::getName)
            .collect(Collectors.toUnmodifiableSet());

    private static final Set<String> RATING_TABLE_NAMES = RATING_TABLES.stream()
            .map(Table::getName).collect(Collectors.toUnmodifiableSet());

    private static final DescribedPredicate<JavaClass> RATING_TABLE_CLASS = DescribedPredicate.describe(
            "are generated jOOQ classes of the rating tables " + RATING_TABLE_NAMES,
            javaClass -> RATING_TABLE_CLASSES.contains(javaClass.getName()));

    /** {@code Tables.RATED_CDR} and the like: reading the constant is touching the table. */
    private static final DescribedPredicate<JavaFieldAccess> RATING_TABLE_CONSTANT = DescribedPredicate.describe(
            "a generated constant of the rating tables",
            access -> access.getTargetOwner().getPackageName().startsWith("com.trunkbill.db.jooq")
                    && RATING_TABLE_CLASSES.contains(access.getTarget().getRawType().getName()));

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

    /**
     * {@code rating} owns rated usage: only its classes (and the generated jOOQ code itself) touch the rating
     * tables; invoice, report, usage and operations read current rated usage through {@code rating.RatedUsage}.
     */
    @ArchTest
    static final ArchRule onlyRatingTouchesRatingTables = noClasses()
            .that().resideOutsideOfPackages("com.trunkbill.rating..", "com.trunkbill.db.jooq..")
            .should().dependOnClassesThat(RATING_TABLE_CLASS)
            .orShould().accessFieldWhere(RATING_TABLE_CONSTANT)
            .as("only com.trunkbill.rating touches the rating tables " + RATING_TABLE_NAMES);

    /** A new rating table (by its name) must be added to {@link #RATING_TABLES}, or the rule above misses it. */
    @Test
    void everyRatingTableIsGuarded() {
        Set<String> ratingNamed = DefaultSchema.DEFAULT_SCHEMA.getTables().stream().map(Table::getName)
                .filter(name -> name.startsWith("RATED_") || name.startsWith("RATING_"))
                .collect(Collectors.toSet());
        assertThat(RATING_TABLE_NAMES).isEqualTo(ratingNamed).contains("RATED_CDR", "RATING_RUN", "RATING_RUN_TOTAL");
    }
}
