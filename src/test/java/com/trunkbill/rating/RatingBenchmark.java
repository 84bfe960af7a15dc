package com.trunkbill.rating;

import com.trunkbill.TrunkbillApplication;
import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.db.jooq.tables.records.CdrRecord;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.TestPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static com.trunkbill.db.jooq.Tables.RATED_CDR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput of ratingJob on H2 and PostgreSQL (not part of the test suite):
 * {@code ./mvnw -B -o verify -Pbenchmark -Dtest=RatingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbenchmark.cdrs=1000000} for another volume). Prints CDRs/s for a first rating and a re-rating
 * of the same month (every CDR compared, none changed).
 */
class RatingBenchmark {

    private static final int CDRS = Integer.getInteger("benchmark.cdrs", 500_000);
    private static final String[] CALLEES = {"+12125550123", "+13125550123", "+14165550123", "+17875550123",
            "+19005550123", "+18005550199", "+4915112345678", "+4930123456", "+919812345678", "+442071234567",
            "+3221234567", "+5511987654321"};

    @Test
    void h2() {
        run("H2", "jdbc:h2:mem:rating-benchmark;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Test
    void postgres() {
        run("PostgreSQL", TestPostgres.jdbcUrl(), "postgres", "postgres");
    }

    private void run(String database, String url, String user, String password) {
        // command-line arguments: they win over application.properties (default properties would not)
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TrunkbillApplication.class)
                .run("--spring.batch.job.enabled=false", "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                        "--trunkbill.output-dir=target/benchmark-out")) {
            DSLContext db = context.getBean(DSLContext.class);
            JobLaunchService launcher = context.getBean(JobLaunchService.class);
            long loadStart = System.nanoTime();
            prepare(db);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

            double rateSeconds = time(() -> assertCompleted(launcher, new JobParameters()));
            assertThat(benchmarkRatings(db)).isEqualTo(CDRS);
            double reRateSeconds = time(() -> assertCompleted(launcher,
                    new JobParametersBuilder().addString("period", "2026-10").toJobParameters()));
            assertThat(benchmarkRatings(db)).isEqualTo(CDRS);
            // the nightly case: a run without --period over a rated history retries the NO_RATE ones only
            double nightlySeconds = time(() -> assertCompleted(launcher, new JobParameters()));
            // a new rates version: re-rating the month supersedes every rating that has a rate row
            rates(new RatingFixtures(db));
            double changedSeconds = time(() -> assertCompleted(launcher,
                    new JobParametersBuilder().addString("period", "2026-10").toJobParameters()));

            System.out.printf("%n[benchmark] %s: %,d CDRs inserted in %.1f s%n", database, CDRS, loadSeconds);
            System.out.printf("[benchmark] %s: rate            %,d CDRs in %.1f s = %,.0f CDRs/s%n", database, CDRS,
                    rateSeconds, CDRS / rateSeconds);
            System.out.printf("[benchmark] %s: rate --period   %,d CDRs in %.1f s = %,.0f CDRs/s (0 changed)%n",
                    database, CDRS, reRateSeconds, CDRS / reRateSeconds);
            System.out.printf("[benchmark] %s: rate again      %,d CDRs scanned in %.1f s = %,.0f CDRs/s"
                    + " (only NO_RATE retried)%n", database, CDRS, nightlySeconds, CDRS / nightlySeconds);
            System.out.printf("[benchmark] %s: rate --period   %,d CDRs in %.1f s = %,.0f CDRs/s after a new rates"
                    + " version (superseding)%n%n", database, CDRS, changedSeconds, CDRS / changedSeconds);
        }
    }

    private static void assertCompleted(JobLaunchService launcher, JobParameters parameters) {
        JobExecution execution = launcher.launch(RatingJobConfiguration.JOB_NAME, parameters,
                RunPolicy.NEW_RUN_EACH_TIME).execution();
        JobSummary.lines(execution).forEach(line -> System.out.println("[benchmark]   " + line));
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void rates(RatingFixtures fixtures) {
        fixtures.rates()
                .outbound("1", "United States", "0.0100", 6, 6, "0")
                .outbound("1212", "United States - New York", "0.0080", 6, 6, "0")
                .outbound("1416", "Canada - Toronto", "0.0150", 6, 6, "0")
                .outbound("1787", "Puerto Rico", "0.0200", 6, 6, "0")
                .outbound("1900", "United States - Premium", "0.1000", 60, 60, "0.0100")
                .outbound("49", "Germany", "0.0150", 1, 1, "0")
                .outbound("4915", "Germany - Mobile", "0.0390", 1, 1, "0")
                .outbound("91", "India", "0.0500", 30, 6, "0")
                .outbound("44", "United Kingdom", "0.0120", 1, 1, "0")
                .outbound("55", "Brazil", "0.0450", 60, 60, "0")
                .row("STANDARD", Direction.INBOUND, "1", "United States", "0.0050", "USD", 6, 6, "0", null, null)
                .insert();
    }

    /** The current ratings of the benchmark's CDRs. */
    private static int benchmarkRatings(DSLContext db) {
        return db.fetchCount(RATED_CDR, RATED_CDR.IS_CURRENT.isTrue());
    }

    /**
     * From empty tables (on PostgreSQL the test database is shared with the other test classes of the JVM, which
     * may have left rows behind): ten accounts with ten trunks each (a third UNLIMITED_US), the sample-like rate
     * rows and CDRS October CDRs.
     */
    private static void prepare(DSLContext db) {
        DatabaseTest.emptyTables(db);
        RatingFixtures fixtures = new RatingFixtures(db);
        for (int a = 0; a < 10; a++) {
            fixtures.account("ACC-" + a, "STANDARD", "USD");
            for (int t = 0; t < 10; t++) {
                fixtures.trunk("TRK-" + a + t, "ACC-" + a)
                        .plan(t % 3 == 0 ? ChannelPlan.UNLIMITED_US : ChannelPlan.METERED).insert();
            }
        }
        rates(fixtures);
        Random random = new Random(2026L);
        List<CdrRecord> batch = new ArrayList<>();
        for (int i = 0; i < CDRS; i++) {
            int account = random.nextInt(10);
            String trunk = "TRK-" + account + random.nextInt(10);
            String start = String.format("2026-10-%02dT%02d:%02d:%02dZ", 1 + random.nextInt(31), random.nextInt(24),
                    random.nextInt(60), random.nextInt(60));
            int status = random.nextInt(10) == 0 ? 487 : 200;
            batch.add(fixtures.cdr(String.format("CDR-%09d", i), trunk, "ACC-" + account,
                    random.nextInt(4) == 0 ? Direction.INBOUND : Direction.OUTBOUND, CALLEES[random.nextInt(
                            CALLEES.length)], start, random.nextInt(600_000), status));
            if (batch.size() == 10_000) {
                fixtures.insert(batch);
                batch.clear();
            }
        }
        fixtures.insert(batch);
    }
}
