package com.trunkbill.ratetable;

import com.trunkbill.TrunkbillApplication;
import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.ratetable.model.OverlapCheck;
import com.trunkbill.ratetable.model.RateRow;
import com.trunkbill.ratetable.model.RatesFormat;
import com.trunkbill.ratetable.model.RowFields;
import com.trunkbill.support.CsvInput;
import com.trunkbill.support.CsvLine;
import com.trunkbill.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput of {@code import-rates} on a generated 1,000,000-row {@code rates.csv} (distinct prefixes, all
 * valid), on an H2 file database in a temporary directory (like the production default) and on embedded
 * PostgreSQL. Prints figures, asserts only that the imports complete. Not part of {@code verify}; run with
 * <pre>./mvnw -B -o verify -Pbenchmark -Dtest=RateTableImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class RateTableImportBenchmark {

    private static final int ROWS = 1_000_000;

    @TempDir
    static Path temp;

    private static Path firstDir;
    private static Path secondDir;

    @BeforeAll
    static void generateRateFiles() throws IOException {
        firstDir = Files.createDirectories(temp.resolve("v1"));
        secondDir = Files.createDirectories(temp.resolve("v2"));
        writeRates(firstDir.resolve("rates.csv"), "0.0125");
        writeRates(secondDir.resolve("rates.csv"), "0.0130");
        System.out.printf("generated %,d rows, %,d bytes%n", ROWS, Files.size(firstDir.resolve("rates.csv")));
    }

    /** Half OUTBOUND, half INBOUND; a third of the rows carry both effective dates, a sixth a connect fee. */
    private static void writeRates(Path file, String rate) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("price_list,direction,prefix,destination,rate_per_minute,currency,first_increment_s,"
                    + "next_increment_s,connect_fee,effective_from,effective_to\n");
            for (int i = 0; i < ROWS; i++) {
                String direction = i % 2 == 0 ? "OUTBOUND" : "INBOUND";
                String prefix = Integer.toString(10_000_000 + i / 2);
                String dates = i % 3 == 0 ? "2026-01-01,2027-01-01" : "2026-01-01,";
                String connectFee = i % 6 == 0 ? "0.0100" : "0";
                out.write("STANDARD," + direction + "," + prefix + ",Destination " + (i % 997) + "," + rate
                        + ",USD,30,6," + connectFee + "," + dates + "\n");
            }
        }
    }

    /** Reading, parsing, validating and the overlap check, without a database: the floor of the import. */
    @Test
    void parseAndValidateOnly() {
        RatesFormat format = new RatesFormat();
        long started = System.nanoTime();
        List<OverlapCheck.Entry> entries = new ArrayList<>(ROWS);
        try (CsvInput input = CsvInput.open(firstDir.resolve("rates.csv"), format.layout().requiredColumns(),
                format.layout().columns())) {
            for (CsvLine line : input) {
                RateRow row = format.parse(1, new RowFields("rates.csv", line.lineNo(), line::get));
                entries.add(format.overlapEntry(row, line.lineNo()));
            }
        }
        long parsed = System.nanoTime();
        assertThat(OverlapCheck.conflicts(entries, 1).clean()).isTrue();
        long checked = System.nanoTime();
        System.out.printf("BENCHMARK %-10s %-36s %,d rows in %.2f s = %,.0f rows/s (overlap check %.2f s) %s%n",
                "no db", "parse + validate + overlap check", ROWS, (checked - started) / 1e9,
                ROWS / ((checked - started) / 1e9), (checked - parsed) / 1e9, load());
    }

    @Test
    void h2FileDatabase() {
        measure("H2 file", "jdbc:h2:file:" + temp.resolve("h2/trunkbill").toAbsolutePath(), "sa", "");
    }

    @Test
    void embeddedPostgres() {
        measure("PostgreSQL", TestPostgres.jdbcUrl(), "postgres", "postgres");
    }

    private static void measure(String database, String url, String user, String password) {
        try (ConfigurableApplicationContext context = new SpringApplication(TrunkbillApplication.class).run(
                "--spring.batch.job.enabled=false", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                "--trunkbill.output-dir=" + temp.resolve("out-" + database.replace(' ', '-')))) {
            JobLaunchService launcher = context.getBean(JobLaunchService.class);
            run(database, "first version", launcher, firstDir);
            run(database, "second version over 1M stored rows", launcher, secondDir);
            run(database, "unchanged file (hash only)", launcher, secondDir);
        }
    }

    private static void run(String database, String what, JobLaunchService launcher, Path dir) {
        long started = System.nanoTime();
        JobExecution execution = launcher.launch(RateTableImportJobConfiguration.JOB_NAME,
                new JobParametersBuilder().addString("dir", dir.toString()).toJobParameters(),
                RunPolicy.NEW_RUN_EACH_TIME).execution();
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        System.out.printf("BENCHMARK %-10s %-36s %,d rows in %.2f s = %,.0f rows/s  [%s] %s%n", database, what,
                ROWS, seconds, ROWS / seconds, JobSummary.lines(execution).get(0), load());
    }

    /** The machine's load average: figures taken on a busy machine say so. */
    private static String load() {
        return String.format("(load average %.1f on %d cores)",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
