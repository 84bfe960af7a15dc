package com.trunkbill.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link FlywayFastPath}: a current schema skips Flyway's migrate (no migrate callback fires), a fresh database, a
 * pending migration and a changed migration still go through Flyway (applied, or refused by its validation).
 */
class FlywayFastPathTest {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final List<Event> events = new ArrayList<>();

    FlywayFastPathTest() {
        dataSource.setURL("jdbc:h2:mem:fast-path-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
    }

    private Flyway flyway(String... locations) {
        return Flyway.configure().dataSource(dataSource).locations(locations)
                .placeholders(FlywayPlaceholders.forDatabase("H2"))
                .callbacks(new Recorder()).load();
    }

    @Test
    void aFreshDatabaseIsMigratedAndThenCountsAsCurrentWithFlywaysOwnChecksums() {
        Flyway flyway = flyway("classpath:db/migration");
        assertThat(new CurrentSchemaCheck(flyway.getConfiguration()).isCurrent()).isFalse();

        FlywayFastPath.migrateUnlessCurrent(flyway);

        assertThat(events).contains(Event.BEFORE_MIGRATE, Event.AFTER_MIGRATE);
        CurrentSchemaCheck check = new CurrentSchemaCheck(flyway.getConfiguration());
        assertThat(check.availableMigrations()).hasSize(flyway.info().applied().length)
                .isEqualTo(check.appliedMigrations());
        assertThat(check.isCurrent()).isTrue();
    }

    @Test
    void aCurrentSchemaSkipsFlywaysMigrate() {
        flyway("classpath:db/migration").migrate();
        events.clear();

        FlywayFastPath.migrateUnlessCurrent(flyway("classpath:db/migration"));

        assertThat(events).isEmpty();
    }

    @Test
    void aPendingMigrationIsStillApplied() throws SQLException {
        flyway("classpath:db/migration").migrate();
        events.clear();

        FlywayFastPath.migrateUnlessCurrent(flyway("classpath:db/migration", "classpath:db/pending-test"));

        assertThat(events).contains(Event.AFTER_MIGRATE);
        assertThat(count("select count(*) from pending_test")).isZero();
        assertThat(count("select count(*) from \"flyway_schema_history\" where \"version\" = '1000'")).isOne();
        assertThat(new CurrentSchemaCheck(flyway("classpath:db/migration", "classpath:db/pending-test")
                .getConfiguration()).isCurrent()).isTrue();
    }

    @Test
    void aChangedMigrationGoesToFlywaysValidationWhichRefusesIt() throws SQLException {
        flyway("classpath:db/migration").migrate();
        execute("update \"flyway_schema_history\" set \"checksum\" = \"checksum\" + 1 where \"version\" = '20'");
        Flyway flyway = flyway("classpath:db/migration");

        assertThat(new CurrentSchemaCheck(flyway.getConfiguration()).isCurrent()).isFalse();
        assertThatThrownBy(() -> FlywayFastPath.migrateUnlessCurrent(flyway))
                .isInstanceOf(FlywayValidateException.class).hasMessageContaining("checksum mismatch");
    }

    @Test
    void aFailedMigrationRowIsNeverCurrent() throws SQLException {
        flyway("classpath:db/migration").migrate();
        execute("update \"flyway_schema_history\" set \"success\" = false where \"version\" = '49'");

        assertThat(new CurrentSchemaCheck(flyway("classpath:db/migration").getConfiguration()).isCurrent()).isFalse();
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private final class Recorder implements Callback {
        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE || event == Event.BEFORE_VALIDATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            events.add(event);
        }

        @Override
        public String getCallbackName() {
            return "recorder";
        }
    }
}
