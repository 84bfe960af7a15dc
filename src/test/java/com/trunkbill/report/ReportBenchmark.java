package com.trunkbill.report;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput of {@code reportingJob} over a month of generated CDRs (not part of the test suite):
 * {@code ./mvnw -B -o -Pbenchmark verify -Dtest='ReportBenchmark*' -Dreport.benchmark.cdrs=1000000}.
 * 20 trunks of 30 channels, calls of 0-10 minutes starting uniformly over October, all unrated (accepted).
 */
public abstract class ReportBenchmark extends DatabaseTest {

    @Autowired
    JobLaunchService launcher;

    @Autowired
    DataSource dataSource;

    @Test
    void reportAMonthOfCdrs() throws Exception {
        int cdrs = Integer.getInteger("report.benchmark.cdrs", 1_000_000);
        ReportFixtures fixtures = new ReportFixtures(db);
        fixtures.account("ACC-1", "Bench");
        for (int t = 0; t < 20; t++) {
            fixtures.trunk("TRK-" + t).channels(30).insert();
        }
        long file = fixtures.file("bench.csv", "2026-10-31T23:00:00Z", cdrs, cdrs, 0, 0, 0, 0, 0, 0);
        long insertStart = System.nanoTime();
        insert(cdrs, file);
        double insertSeconds = (System.nanoTime() - insertStart) / 1e9;

        long start = System.nanoTime();
        var execution = launcher.launch("reportingJob",
                new JobParametersBuilder().addString("period", "2026-10").toJobParameters(),
                RunPolicy.NEW_RUN_EACH_TIME).execution();
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        System.out.printf("BENCHMARK %s: %,d CDRs inserted in %.1f s; reportingJob in %.1f s (%,.0f CDRs/s)%n",
                getClass().getSimpleName(), cdrs, insertSeconds, seconds, cdrs / seconds);
    }

    private void insert(int cdrs, long file) throws Exception {
        Random random = new Random(42);
        long monthStart = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
        long monthMillis = 31L * 86_400_000L;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into cdr (cdr_key, cdr_id, file_id, line_no,"
                    + " trunk_id, freshworks_outbound, account_id, direction, callee, start_time, answer_time, end_time,"
                    + " sip_status, period, content_hash) values (? * 4294967296 + ?, ?, ?, ?, ?, false, 'ACC-1', 'OUTBOUND',"
                    + " '+12125550100', ?, ?, ?, 200, '2026-10', 'h')")) {
                for (int i = 0; i < cdrs; i++) {
                    long startMillis = monthStart + (long) (random.nextDouble() * monthMillis);
                    OffsetDateTime startTime = Instant.ofEpochMilli(startMillis).atOffset(ZoneOffset.UTC);
                    insert.setLong(1, file);
                    insert.setLong(2, i + 1);
                    insert.setString(3, "c" + i);
                    insert.setLong(4, file);
                    insert.setLong(5, i + 1);
                    insert.setString(6, "TRK-" + random.nextInt(20));
                    insert.setObject(7, startTime);
                    insert.setObject(8, startTime);
                    insert.setObject(9, startTime.plusNanos(random.nextInt(600_000) * 1_000_000L));
                    insert.addBatch();
                    if (i % 10_000 == 9_999) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
    }
}

@OnH2
class ReportH2Benchmark extends ReportBenchmark {
}

@OnPostgres
class ReportPostgresBenchmark extends ReportBenchmark {
}
