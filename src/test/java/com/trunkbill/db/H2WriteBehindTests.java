package com.trunkbill.db;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class H2WriteBehindTests {

    @TempDir
    Path dir;

    /**
     * A process that commits 1,000 rows with a write delay of a minute and then dies at once (as a kill -9 does):
     * with the checkpoint after the commit the rows are in the file; without it they are lost, which is what the
     * checkpoint is for.
     */
    @Test
    void aCommitInAStepWithTheDelayIsOnDiskBeforeTheStepGoesOn() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1";
        try (Db db = new Db(url)) {
            db.dsl.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }

        assertThat(commitAndDie(url, "none")).isZero();
        assertThat(commitAndDie(url, "checkpoint")).isEqualTo(1_000);
    }

    @Test
    void theDelayHoldsWhileAStepRunsAndIsSetBackAfterTheLast() {
        String url = "jdbc:h2:file:" + dir.resolve("steps") + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1";
        try (Db db = new Db(url)) {
            H2WriteBehind writeBehind = new H2WriteBehind(db.dsl, 2_000);
            assertThat(writeBehind.writeDelay()).isEqualTo("0");

            writeBehind.beforeStep(null);
            writeBehind.beforeStep(null); // two partitions side by side
            assertThat(writeBehind.writeDelay()).isEqualTo("2000");
            writeBehind.afterStep(null);
            assertThat(writeBehind.writeDelay()).isEqualTo("2000");
            assertThat(writeBehind.changed()).isTrue();
            writeBehind.afterStep(null);

            assertThat(writeBehind.writeDelay()).isEqualTo("0");
            assertThat(writeBehind.changed()).isFalse();
        }
    }

    @Test
    void aDelayTheUrlSetsIsLeftAsItIs() {
        try (Db db = new Db("jdbc:h2:file:" + dir.resolve("own") + ";WRITE_DELAY=500;DB_CLOSE_DELAY=-1")) {
            H2WriteBehind writeBehind = new H2WriteBehind(db.dsl, 2_000);
            writeBehind.beforeStep(null);
            assertThat(writeBehind.writeDelay()).isEqualTo("500");
            assertThat(writeBehind.changed()).isFalse();
            writeBehind.afterStep(null);
            assertThat(writeBehind.writeDelay()).isEqualTo("500");
        }
    }

    /** Runs {@link CommitAndDie} in a JVM of its own; then counts the rows the file holds. */
    private static long commitAndDie(String url, String mode) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                CommitAndDie.class.getName(), url, mode)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("committed");
        try (Db db = new Db(url)) {
            return db.dsl.fetchCount(DSL.table("t"));
        }
    }

    /** Commits 1,000 rows in a step's transaction with a delay of a minute, then halts without closing. */
    public static final class CommitAndDie {
        public static void main(String[] args) {
            Db db = new Db(args[0]);
            db.dsl.execute("DELETE FROM t");
            H2WriteBehind writeBehind = new H2WriteBehind(db.dsl, 60_000);
            writeBehind.beforeStep(null);
            new TransactionTemplate(new DataSourceTransactionManager(db.source)).executeWithoutResult(status -> {
                for (int id = 1; id <= 1_000; id++) {
                    db.dsl.execute("INSERT INTO t VALUES (" + id + ")");
                }
                if (args[1].equals("checkpoint")) {
                    writeBehind.durableOnCommit();
                }
            });
            System.out.println("committed");
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }

    /**
     * An H2 file database on one connection, as a pool's connection that lives through a step (H2 applies a URL's
     * settings again to every new connection), through a transaction-aware proxy as the application's jOOQ sees it.
     */
    private static final class Db implements AutoCloseable {
        final SingleConnectionDataSource source;
        final DSLContext dsl;

        Db(String url) {
            source = new SingleConnectionDataSource(url, "sa", "", true);
            dsl = DSL.using(new TransactionAwareDataSourceProxy(source), SQLDialect.H2);
        }

        @Override
        public void close() {
            try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            source.destroy();
        }
    }
}
