package com.trunkbill.operations;

import com.trunkbill.cli.TrunkbillMain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's view through the real launcher, on an in-memory H2 database shared by the launches of this
 * class: {@code report} with {@code --metrics-file}, then {@code history}.
 */
class OperationsCliTests {

    private static final String DB = "jdbc:h2:mem:operations-cli;DB_CLOSE_DELAY=-1";
    private static final Path WORK = Path.of("target/test-out/operations-cli");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final TrunkbillMain main = new TrunkbillMain(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());

    @BeforeEach
    void clean() throws IOException {
        FileSystemUtils.deleteRecursively(WORK);
    }

    @Test
    void aJobRunWritesPrometheusMetricsAndHistoryListsIt() throws IOException {
        Path metrics = WORK.resolve("metrics/trunkbill.prom");

        int exit = main.run("report", "--period", "2026-10", "--db", DB, "--output-dir", WORK.resolve("out").toString(),
                "--metrics-file", metrics.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("writeReportsStep", "reportingJob COMPLETED",
                "report 2026-10: ");
        assertThat(WORK.resolve("out/reports/2026-10/index.html")).exists();
        String prometheus = Files.readString(metrics);
        assertThat(prometheus).contains(
                "spring_batch_job_seconds_count{",
                "spring_batch_job_name=\"reportingJob\"",
                "spring_batch_step_seconds_count{",
                "spring_batch_step_name=\"writeReportsStep\"",
                "trunkbill_cdrs_rated_total 0.0",
                "trunkbill_cdrs_rejected_total{reason=\"NO_RATE\"} 0.0",
                "trunkbill_cdrs_rejected_total{reason=\"MALFORMED\"} 0.0",
                "trunkbill_invoices{status=\"FINAL\"} 0.0")
                .doesNotContain("_active_seconds");
        assertThat(metrics.resolveSibling("trunkbill.prom.tmp")).doesNotExist();

        out.reset();
        assertThat(main.run("history", "--limit", "5", "--db", DB)).isZero();
        String history = out.toString(StandardCharsets.UTF_8);
        assertThat(history).contains("EXECUTION", "JOB", "STATUS", "PARAMETERS");
        assertThat(history.lines().filter(line -> line.contains("reportingJob")).findFirst().orElseThrow())
                .contains("COMPLETED", "period=2026-10").doesNotContain("run.id").matches(".*\\s1\\s+period=.*");
    }

    @Test
    void historyNamesTheWorkerOfEachPartition() {
        assertThat(main.run("rate", "--partitions", "2", "--db", DB)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        out.reset();

        assertThat(main.run("history", "--limit", "1", "--db", DB)).isZero();

        // partitions run on threads of the launching process are named "local"; a worker writes its own name
        List<String> history = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(history).hasSize(4);
        assertThat(history.get(1)).contains("ratingJob", "COMPLETED", "partitions=2");
        assertThat(history.subList(2, 4)).containsExactly(
                "           rateCdrsStep:partition0  COMPLETED  on local  read 0  written 0",
                "           rateCdrsStep:partition1  COMPLETED  on local  read 0  written 0");
    }

    @Test
    void reportNeedsAValidPeriod() {
        assertThat(main.run("report", "--db", DB)).isEqualTo(2);
        assertThat(main.run("report", "--period", "2026-13", "--db", DB)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--period YYYY-MM is required",
                "--period 2026-13 is not a period YYYY-MM");
    }

    @Test
    void historyRefusesABadLimit() {
        assertThat(main.run("history", "--limit", "0", "--db", DB)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--limit 0 is not a positive whole number");
    }
}
