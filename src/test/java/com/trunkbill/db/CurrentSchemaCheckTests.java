package com.trunkbill.db;

import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On each database, after the application has migrated it, {@link CurrentSchemaCheck} finds the schema current
 * (so the next start skips Flyway's migrate): its checksums, versions and descriptions agree with what Flyway wrote.
 */
public abstract class CurrentSchemaCheckTests extends DatabaseTest {

    @Autowired
    Flyway flyway;

    @Test
    void aMigratedDatabaseIsCurrent() {
        CurrentSchemaCheck check = new CurrentSchemaCheck(flyway.getConfiguration());

        assertThat(check.availableMigrations()).hasSize(flyway.info().applied().length)
                .isEqualTo(check.appliedMigrations());
        assertThat(check.isCurrent()).isTrue();
    }
}

@OnH2
class CurrentSchemaCheckH2Tests extends CurrentSchemaCheckTests {
}

@OnPostgres
class CurrentSchemaCheckPostgresTests extends CurrentSchemaCheckTests {
}
