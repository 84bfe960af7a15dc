package com.trunkbill.db;

import com.trunkbill.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V57 on a database that already holds CDRs and ratings (an upgrade): every CDR gets {@code file_id * 2^32 +
 * line_no}, every rating its CDR's key, {@code rated_cdr} is keyed {@code (cdr_key, run_id)}, and a rating partition
 * keeps its row without a position. On both databases, since the migration changes a primary key.
 */
class SequentialKeyMigrationTests {

    private static final long FILE_2 = 2L << 32;

    @Test
    void h2() throws SQLException {
        upgrade("jdbc:h2:mem:v57-upgrade;DB_CLOSE_DELAY=-1", "sa", "", "H2");
    }

    @Test
    void postgres() throws SQLException {
        try (Connection server = DriverManager.getConnection(TestPostgres.jdbcUrl(), "postgres", "postgres");
             Statement statement = server.createStatement()) {
            statement.execute("drop database if exists v57_upgrade");
            statement.execute("create database v57_upgrade");
        }
        upgrade(TestPostgres.jdbcUrl("v57_upgrade"), "postgres", "postgres", "PostgreSQL");
    }

    private static void upgrade(String url, String user, String password, String database) throws SQLException {
        migrate(url, user, password, database, "56");
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement sql = connection.createStatement()) {
            sql.execute("insert into cdr_file (file_id, file_name, content_hash, format, ingested_at)"
                    + " values (2, 'cdrs.csv', 'h', 'CANONICAL', timestamp with time zone '2026-11-01 00:00:00+00')");
            for (String[] cdr : List.of(new String[]{"Z-FIRST", "2"}, new String[]{"A-SECOND", "3"})) {
                sql.execute("insert into cdr (cdr_id, file_id, line_no, trunk_id, freshworks_outbound, account_id,"
                        + " direction, callee, start_time, end_time, sip_status, period, content_hash) values ('"
                        + cdr[0] + "', 2, " + cdr[1] + ", 'T1', false, 'A1', 'OUTBOUND', '+15550000001',"
                        + " timestamp with time zone '2026-10-05 10:00:00+00',"
                        + " timestamp with time zone '2026-10-05 10:01:00+00', 200, '2026-10', 'h')");
            }
            sql.execute("insert into rating_run (run_id, started_at) values (1, current_timestamp),"
                    + " (2, current_timestamp)");
            sql.execute("insert into rating_run_partition (run_id, partition_no, last_cdr_id)"
                    + " values (2, 0, 'Z-FIRST')");
            // Z-FIRST rated twice (run 2 current), A-SECOND once
            for (Object[] rating : List.of(new Object[]{"Z-FIRST", 1, false}, new Object[]{"Z-FIRST", 2, true},
                    new Object[]{"A-SECOND", 1, true})) {
                sql.execute("insert into rated_cdr (cdr_id, run_id, is_current, status, trunk_id, account_id, period,"
                        + " direction, billable, duration_s, billed_s, cost) values ('" + rating[0] + "', "
                        + rating[1] + ", " + rating[2] + ", 'RATED', 'T1', 'A1', '2026-10', 'OUTBOUND', true, 60,"
                        + " 60, 0.6)");
            }
        }

        migrate(url, user, password, database, "latest");

        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement sql = connection.createStatement()) {
            assertThat(rows(sql, "select cdr_id, cdr_key from cdr order by cdr_key"))
                    .containsExactly(List.of("Z-FIRST", FILE_2 + 2), List.of("A-SECOND", FILE_2 + 3));
            assertThat(rows(sql, "select cdr_id, cdr_key, run_id, is_current from rated_cdr order by cdr_key, run_id"))
                    .containsExactly(List.of("Z-FIRST", FILE_2 + 2, 1L, false),
                            List.of("Z-FIRST", FILE_2 + 2, 2L, true), List.of("A-SECOND", FILE_2 + 3, 1L, true));
            assertThat(rows(sql, "select run_id, partition_no, last_cdr_key from rating_run_partition"))
                    .containsExactly(java.util.Arrays.asList(2L, 0L, null));
            // the new primary key holds: one rating per CDR and run
            assertThatThrownBy(() -> sql.execute("insert into rated_cdr (cdr_key, cdr_id, run_id, is_current, status,"
                    + " trunk_id, account_id, period, direction, billable, duration_s, billed_s, cost) values ("
                    + (FILE_2 + 3) + ", 'A-SECOND', 1, false, 'RATED', 'T1', 'A1', '2026-10', 'OUTBOUND', true, 60,"
                    + " 60, 0.6)")).isInstanceOf(SQLException.class);
        }
    }

    private static void migrate(String url, String user, String password, String database, String target) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .placeholders(FlywayPlaceholders.forDatabase(database)).target(target).load().migrate();
    }

    /** Every row of {@code query}, each column as a Long, Boolean or String (numbers of any type as a Long). */
    private static List<List<Object>> rows(Statement sql, String query) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet r = sql.executeQuery(query)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = r.getObject(i);
                    row.add(value instanceof Number n ? (Object) n.longValue() : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
