package com.trunkbill.reliability;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash and restart harness ({@link CrashHarness}) on H2 and on PostgreSQL. Short in {@code ./mvnw verify}
 * (5 kill points per database); {@code jobs/crash-test.sh K} runs K per database and records the figures in
 * {@code target/crash-test/figures.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRestartIT {

    private static final int KILL_POINTS = Integer.getInteger("crash.kill-points", 5);
    private static final int KILLS_PER_SCENARIO = Integer.getInteger("crash.kills-per-scenario", 5);
    private static final int CDR_COUNT = Integer.getInteger("crash.cdrs", 1000);
    private static final long SEED = Long.getLong("crash.seed", 20261031L);
    private static final List<CrashHarness.Flow> FLOWS = KILL_POINTS > 5
            ? List.of(CrashHarness.Flow.NIGHTLY, CrashHarness.Flow.COMMANDS)
            : List.of(CrashHarness.Flow.NIGHTLY);

    @Test
    @Order(1)
    void killsOnH2LoseNothingAndChangeNothing() throws Exception {
        check(CrashDatabase.h2());
    }

    @Test
    @Order(2)
    void killsOnPostgresLoseNothingAndChangeNothing() throws Exception {
        check(CrashDatabase.postgres());
    }

    private static void check(CrashDatabase database) throws Exception {
        Path work = Path.of("target/crash-test/" + database.name().toLowerCase());
        org.springframework.util.FileSystemUtils.deleteRecursively(work);
        long start = System.nanoTime();
        CrashHarness.Figures figures = new CrashHarness(Path.of("."), work, database, SEED, CDR_COUNT)
                .run(KILL_POINTS, KILLS_PER_SCENARIO, FLOWS);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        String line = Instant.now() + " " + database.name() + ": " + CDR_COUNT + " CDRs, seed " + SEED + ", " + seconds
                + " s: " + figures;
        System.out.println(line);
        Files.createDirectories(Path.of("target/crash-test"));
        Files.writeString(Path.of("target/crash-test/figures.md"), line + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);

        assertThat(figures.problems).as("seed %d", SEED).isEmpty();
        assertThat(figures.killPoints).isGreaterThanOrEqualTo(KILL_POINTS);
        assertThat(figures.identicalOutcomes).isEqualTo(figures.scenarios);
        assertThat(figures.rowsLost).isZero();
        assertThat(figures.countedTwice).isZero();
        assertThat(figures.unopenableDatabases).isZero();
        assertThat(figures.committedTransactionsLost).isZero();
    }
}
