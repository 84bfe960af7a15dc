package com.trunkbill.cdr;

import com.trunkbill.TrunkbillApplication;
import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.cdr.generator.CdrGenerator;
import com.trunkbill.cdr.generator.GeneratorInventory;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.testsupport.InventoryFixtures;
import com.trunkbill.testsupport.TestPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static com.trunkbill.db.jooq.Tables.ACCOUNT;
import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.CDR_FILE;
import static com.trunkbill.db.jooq.Tables.CDR_FILE_REJECT;
import static com.trunkbill.db.jooq.Tables.SERVICE_ADDRESS;
import static com.trunkbill.db.jooq.Tables.TRUNK;
import static com.trunkbill.db.jooq.Tables.TRUNK_STATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput of generate-cdrs and import-cdrs (not part of the test suite):
 * {@code ./mvnw -B -o verify -Pbenchmark -Dtest=CdrImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbenchmark.rows=N}, default 1,000,000). Generates the rows once (4 files) with the shipped
 * inventory, then imports them into an H2 file database and into embedded PostgreSQL, printing rows/s and
 * the peak heap in use after each run. Add {@code -DargLine=-Xmx256m} to show that memory stays flat.
 */
class CdrImportBenchmark {

    private static final long ROWS = Long.getLong("benchmark.rows", 1_000_000L);
    private static final Path WORK = Path.of("target/benchmark");
    private static final Path CDRS = WORK.resolve("cdrs");

    @BeforeAll
    static void generate() throws IOException {
        FileSystemUtils.deleteRecursively(WORK);
        resetPeakHeap();
        long started = System.nanoTime();
        long startedCpu = cpuNanos();
        List<Path> files = new CdrGenerator(GeneratorInventory.read(Path.of("sample-cdrs/inventory")), 1,
                YearMonth.of(2026, 10), false).write(ROWS, CDRS, ROWS / 4);
        report("generate-cdrs", ROWS, started, startedCpu, files.size() + " files");
    }

    @Test
    void importOnH2FileDatabase() {
        run("jdbc:h2:file:./" + WORK.resolve("h2/trunkbill"), "sa", "");
    }

    @Test
    void importOnEmbeddedPostgres() {
        run(TestPostgres.jdbcUrl(), "postgres", "postgres");
    }

    private static void run(String url, String user, String password) {
        // command-line arguments: they override application.properties (builder properties would not)
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TrunkbillApplication.class)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password, "--spring.batch.job.enabled=false",
                        "--trunkbill.output-dir=" + WORK.resolve("out"))) {
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(url);
            DSLContext db = context.getBean(DSLContext.class);
            List.of(CDR, CDR_FILE_REJECT, CDR_FILE, TRUNK_STATE, TRUNK, SERVICE_ADDRESS, ACCOUNT)
                    .forEach(table -> db.deleteFrom(table).execute());
            InventoryFixtures.loadInventory(db, Path.of("sample-cdrs/inventory"));
            System.gc();
            resetPeakHeap();
            long started = System.nanoTime();
            long startedCpu = cpuNanos();
            JobExecution execution = context.getBean(JobLaunchService.class).launch("cdrImportJob",
                    new JobParametersBuilder().addString("dir", CDRS.toAbsolutePath().toString())
                            .addString("format", "canonical").toJobParameters(), RunPolicy.NEW_RUN_EACH_TIME)
                    .execution();
            report("import-cdrs on " + url.replaceAll("\\?.*", ""), ROWS, started, startedCpu,
                    JobSummary.lines(execution).get(JobSummary.lines(execution).size() - 1));
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(db.fetchCount(CDR)).isEqualTo((int) ROWS);
        }
    }

    private static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Wall-clock rows/s, and rows per CPU-second of this JVM (fairer on a shared, loaded machine). */
    private static void report(String what, long rows, long startedNanos, long startedCpuNanos, String detail) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double cpuSeconds = (cpuNanos() - startedCpuNanos) / 1e9;
        System.out.printf("BENCHMARK %s: %,d rows in %.1f s = %,d rows/s (JVM CPU %.1f s = %,d rows per CPU-s); "
                        + "heap pool peaks %,d MB (max heap %,d MB); load average %.1f; %s%n", what, rows, seconds,
                Math.round(rows / seconds), cpuSeconds, Math.round(rows / cpuSeconds), peakHeapMb(),
                Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), detail);
    }
}
