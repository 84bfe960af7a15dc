package com.trunkbill.reliability;

import com.trunkbill.testsupport.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A fresh database per crash scenario, on H2 (a file in the scenario's folder) or on embedded PostgreSQL. */
interface CrashDatabase {

    String name();

    /** Creates the empty database of {@code scenario} (H2: nothing to do) and returns the trunkbill options for it. */
    List<String> create(String scenario, Path scenarioDir) throws SQLException;

    /** A connection as the harness checks the database between runs. */
    Connection open(String scenario, Path scenarioDir) throws SQLException;

    void drop(String scenario) throws SQLException;

    /** Whether the database exists yet (a process killed at start-up may not have created the H2 file). */
    default boolean exists(String scenario, Path scenarioDir) {
        return true;
    }

    static CrashDatabase h2() {
        return new CrashDatabase() {
            public String name() {
                return "H2";
            }

            public List<String> create(String scenario, Path scenarioDir) {
                return List.of("--db", "jdbc:h2:file:" + scenarioDir.resolve("db/trunkbill").toAbsolutePath());
            }

            public Connection open(String scenario, Path scenarioDir) throws SQLException {
                // the same engine and settings as the jar; IFEXISTS: a vanished file is not silently recreated
                return DriverManager.getConnection("jdbc:h2:file:" + scenarioDir.resolve("db/trunkbill").toAbsolutePath()
                        + ";WRITE_DELAY=0;IFEXISTS=TRUE", "sa", "");
            }

            public void drop(String scenario) {
                // the scenario folder holds the file
            }

            public boolean exists(String scenario, Path scenarioDir) {
                return java.nio.file.Files.exists(scenarioDir.resolve("db/trunkbill.mv.db"));
            }
        };
    }

    static CrashDatabase postgres() {
        return new CrashDatabase() {
            public String name() {
                return "PostgreSQL";
            }

            public List<String> create(String scenario, Path scenarioDir) throws SQLException {
                try (Connection admin = DriverManager.getConnection(TestPostgres.jdbcUrl(), "postgres", "postgres");
                     Statement statement = admin.createStatement()) {
                    statement.execute("drop database if exists " + scenario);
                    statement.execute("create database " + scenario);
                }
                return List.of("--db", TestPostgres.jdbcUrl(scenario), "--db-user", "postgres",
                        "--db-password", "postgres");
            }

            public Connection open(String scenario, Path scenarioDir) throws SQLException {
                return DriverManager.getConnection(TestPostgres.jdbcUrl(scenario), "postgres", "postgres");
            }

            public void drop(String scenario) throws SQLException {
                try (Connection admin = DriverManager.getConnection(TestPostgres.jdbcUrl(), "postgres", "postgres");
                     Statement statement = admin.createStatement()) {
                    statement.execute("drop database if exists " + scenario + " with (force)");
                }
            }
        };
    }
}
