package com.trunkbill.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped while {@code rate} runs (its own server, so nothing else loses its database): the job fails
 * within the configured timeouts with a one-line reason and exit 1, and once the server is back the same command
 * completes with the rated CDRs of an uninterrupted run.
 */
class DatabaseLossIT {

    private static final Path PROJECT = Path.of(".").toAbsolutePath().normalize();
    private static final Path JAR = PROJECT.resolve("target/trunkbill.jar");
    /**
     * Each later database access waits spring.datasource.hikari.connection-timeout (10 s): the failed chunk, the
     * step and job status updates make about four; measured 38-45 s on a loaded 2-core machine.
     */
    private static final long FAIL_WITHIN_MILLIS = 90_000;

    @TempDir
    Path work;

    private EmbeddedPostgres server;

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aStoppedDatabaseFailsTheJobQuicklyAndARestartCompletesIt() throws Exception {
        int port = freePort();
        Path data = work.resolve("pgdata");
        server = start(data, port);
        createDatabase(port, "reference");
        createDatabase(port, "billing");
        for (String db : List.of("reference", "billing")) {
            run(db, port, "import-inventory", "--dir", PROJECT.resolve("sample-cdrs/inventory").toString(),
                    "--as-of", "2026-11-01T00:00:00Z");
            run(db, port, "import-rates", "--dir", PROJECT.resolve("rate-tables").toString());
            // --no-rating: the month is left for the rate that the database loss interrupts
            run(db, port, "import-cdrs", "--dir", PROJECT.resolve("sample-cdrs").toString(), "--no-rating");
        }
        run("reference", port, "rate");

        ChildRun rating = ChildRun.start(JAR, work, arguments("billing", port, "rate"), work.resolve("rate.log"));
        assertThat(rating.waitForLines(line -> line.contains("rate rows loaded"), 1, 300_000))
                .as("rating started: %s", rating.lines()).isTrue();
        server.close(); // pg_ctl stop: every session is terminated, new connections are refused
        server = null;
        long stopped = System.nanoTime();
        int status = rating.waitForExit(FAIL_WITHIN_MILLIS / 1000);
        long failedAfterMillis = (System.nanoTime() - stopped) / 1_000_000;

        assertThat(status).as("%s", rating.lines()).isEqualTo(1);
        assertThat(failedAfterMillis).isLessThan(FAIL_WITHIN_MILLIS);
        String reason = rating.lastLine();
        assertThat(reason).startsWith("trunkbill rate: ");
        assertThat(reason).doesNotContain("\tat ");
        System.out.println("database loss: rate exited " + status + " " + failedAfterMillis + " ms after the "
                + "server stopped: " + reason);

        server = start(data, port);
        ChildRun restart = ChildRun.start(JAR, work, arguments("billing", port, "rate"), work.resolve("rate.log"));
        assertThat(restart.waitForExit(600)).as("%s", restart.lines()).isZero();
        assertThat(ratedCdrs(port, "billing")).isEqualTo(ratedCdrs(port, "reference")).hasSizeGreaterThan(19_000);
    }

    /** Never cleaned on close: the restart must find the data the stopped server had (initdb runs on an empty folder). */
    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                .setRegisterShutdownHook(true).start();
    }

    private void run(String db, int port, String... command) throws InterruptedException {
        ChildRun run = ChildRun.start(JAR, work, arguments(db, port, command), work.resolve(db + ".log"));
        assertThat(run.waitForExit(600)).as("%s", run.lines()).isZero();
    }

    private List<String> arguments(String db, int port, String... command) {
        List<String> arguments = new ArrayList<>(List.of(command));
        arguments.addAll(List.of("--db", "jdbc:postgresql://localhost:" + port + "/" + db, "--db-user", "postgres",
                "--db-password", "postgres", "--output-dir", work.resolve("out-" + db).toString()));
        return arguments;
    }

    private static void createDatabase(int port, String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                "postgres", "postgres"); Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        }
    }

    private static List<String> ratedCdrs(int port, String db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + db,
                "postgres", "postgres"); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select cdr_id, status, category, destination, billed_s, "
                     + "cost, anomalies from rated_cdr where is_current order by cdr_id")) {
            while (result.next()) {
                rows.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getString(3) + "|"
                        + result.getString(4) + "|" + result.getLong(5) + "|" + result.getBigDecimal(6)
                        .toPlainString() + "|" + result.getString(7));
            }
        }
        return rows;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
