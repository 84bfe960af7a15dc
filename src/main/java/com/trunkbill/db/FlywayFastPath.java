package com.trunkbill.db;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No Flyway work when the schema is current (docs/performance.md#start-up): every command starts by migrating,
 * and on a current schema Flyway's scan, validation and migrate only cost start-up time. {@link CurrentSchemaCheck}
 * compares the migrations in the jar with the schema history table (versions, descriptions, checksums); when they
 * agree, migrate is skipped. Anything else (a pending migration, a changed migration file, a failed row, no history
 * table) runs Flyway's migrate as before: it applies what is pending, and its validation refuses a changed
 * migration. {@code trunkbill.db.flyway-fast-path=false} always runs Flyway's migrate.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "trunkbill.db.flyway-fast-path", havingValue = "true", matchIfMissing = true)
public class FlywayFastPath {

    private static final Logger log = LoggerFactory.getLogger(FlywayFastPath.class);

    @Bean
    FlywayMigrationStrategy migrateUnlessSchemaIsCurrent() {
        return FlywayFastPath::migrateUnlessCurrent;
    }

    static void migrateUnlessCurrent(Flyway flyway) {
        if (new CurrentSchemaCheck(flyway.getConfiguration()).isCurrent()) {
            log.debug("schema is current: every migration is applied with the same checksum, Flyway not run");
            return;
        }
        flyway.migrate();
    }
}
