package com.trunkbill.cdr;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.cdr.generator.CdrGenerator;
import com.trunkbill.cdr.generator.GeneratorInventory;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.rating.RateCommand;
import com.trunkbill.rating.RatingJobConfiguration;
import com.trunkbill.ratetable.RateTableImportJobConfiguration;
import com.trunkbill.report.ReconciliationRepository;
import com.trunkbill.report.model.ReconciliationRow;
import com.trunkbill.support.CsvFileException;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static com.trunkbill.testsupport.InventoryFixtures.loadInventory;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random property tests of the CDR, inventory and rate-table readers (issue 12, "Fuzzing"; jqwik is not
 * used, see the README). Each run generates valid rows and mutates about half of them: truncated lines, stray
 * quotes, embedded newlines, NUL, invalid UTF-8, huge fields, extreme instants, giant durations, formula and
 * HTML strings, duplicates and conflicts. Properties: every job finishes (completed, or refused with a clear
 * {@link CsvFileException}-style message, never a crash or a hang), and for CDRs every row read is rated,
 * rejected with a reason or counted as a duplicate: the reconciliation identity holds for every file.
 * The seed is printed on failure; rerun one with {@code -Dfuzz.seed=N}.
 */
public abstract class ReaderFuzzFunctionalTests extends DatabaseTest {

    static final int CDR_ROWS = 10_000;
    static final int TABLE_ROWS = 10_000;
    static final String[] NASTY = {"=cmd|' /C calc'!A0", "+SUM(1)", "-1+1", "@A1", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "../../../etc/passwd", "Robert'); DROP TABLE cdr;--", "\u202Egnp.exe"};
    static final String[] INSTANTS = {"1970-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "2026-10-05T14:00:00",
            "2026-02-30T00:00:00Z", "2026-10-05T14:00:00+25:00"};

    @Autowired
    JobLaunchService launcher;

    @Autowired
    ReconciliationRepository reconciliation;

    final long seed = Long.getLong("fuzz.seed", System.nanoTime());

    JobExecution launch(String job, JobParameters parameters) {
        return launcher.launch(job, parameters, RunPolicy.NEW_RUN_EACH_TIME).execution();
    }

    /** Runs a property, printing the seed that reproduces a failure. */
    void withSeed(ThrowingRunnable property) throws Exception {
        try {
            property.run();
        } catch (AssertionError | Exception e) {
            System.err.println("fuzz seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
            throw new AssertionError("fuzz seed " + seed + ": " + e.getMessage(), e);
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void everyFuzzedCdrIsRatedRejectedWithAReasonOrADuplicate() throws Exception {
        withSeed(() -> {
            loadInventory(db, Path.of("sample-cdrs/inventory"));
            JobExecution rates = launch(RateTableImportJobConfiguration.JOB_NAME, new JobParametersBuilder()
                    .addString("dir", Path.of("rate-tables").toAbsolutePath().toString()).toJobParameters());
            assertThat(rates.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            Path generated = tempDir.resolve("generated");
            List<Path> files = new CdrGenerator(GeneratorInventory.read(Path.of("sample-cdrs/inventory")), seed,
                    YearMonth.of(2026, 10), true).write(CDR_ROWS, generated, CDR_ROWS / 20);
            Path inbox = Files.createDirectories(tempDir.resolve("inbox"));
            SplittableRandom random = new SplittableRandom(seed);
            long recordsWritten = 0;
            int refusedFiles = 0;
            for (Path file : files) {
                Path fuzzed = inbox.resolve(file.getFileName());
                Files.write(fuzzed, mutate(Files.readAllLines(file), random, true));
                if (refusedWhole(fuzzed)) {
                    // SPEC §8: a file that is not CSV is refused whole (and would fail the whole run): set aside
                    Files.delete(fuzzed);
                    refusedFiles++;
                } else {
                    recordsWritten += records(fuzzed);
                }
            }
            assertThat(refusedFiles).as("files refused whole").isLessThan(files.size() / 2);

            JobExecution imported = launch("cdrImportJob", new JobParametersBuilder()
                    .addString("dir", inbox.toString()).addString("format", "canonical").toJobParameters());
            assertThat(imported.getStatus()).as(JobSummary.lines(imported) + " " + imported.getAllFailureExceptions())
                    .isEqualTo(BatchStatus.COMPLETED);
            JobExecution rated = launch(RatingJobConfiguration.JOB_NAME,
                    new RateCommand().jobParameters(ParsedOptions.of("rate", Map.of())));
            assertThat(rated.getStatus()).as(JobSummary.lines(rated) + " " + rated.getAllFailureExceptions())
                    .isEqualTo(BatchStatus.COMPLETED);

            ReconciliationRepository.Reconciliation result = reconciliation.reconcile();
            for (ReconciliationRow row : result.files()) {
                assertThat(row.identityHolds()).as("read = rated + rejected + duplicates: " + row).isTrue();
                assertThat(row.notYetRated()).as(row.toString()).isZero();
            }
            assertThat(result.total().read()).isEqualTo(recordsWritten);
            assertThat(result.total().rated()).isPositive();
            assertThat(result.total().malformed()).isPositive();
        });
    }

    @Test
    void fuzzedRateTablesAreImportedOrRefusedWithAReason() throws Exception {
        withSeed(() -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<String> lines = new ArrayList<>();
            lines.add("price_list,direction,prefix,destination,rate_per_minute,currency,first_increment_s,"
                    + "next_increment_s,connect_fee,effective_from,effective_to");
            // two runs of 5,000 rows: 10,000 rows
            for (int i = 0; i < TABLE_ROWS / 2; i++) {
                lines.add("STANDARD," + (i % 2 == 0 ? "OUTBOUND" : "INBOUND") + "," + (100_000 + i) + ",Dest " + i
                        + ",0.0" + random.nextInt(1, 999_999) + ",USD,60,60,0.00" + random.nextInt(100)
                        + ",2026-01-01,");
            }
            for (boolean encodingDamage : new boolean[] {false, true}) {
                Path dir = Files.createDirectories(tempDir.resolve("rates-" + encodingDamage));
                Files.write(dir.resolve("rates.csv"), mutate(lines, random, encodingDamage));
                JobExecution execution = launch(RateTableImportJobConfiguration.JOB_NAME, new JobParametersBuilder()
                        .addString("dir", dir.toString()).toJobParameters());
                assertFinishedCleanly(execution);
            }
        });
    }

    @Test
    void fuzzedInventoriesAreImportedOrRefusedWithAReason() throws Exception {
        withSeed(() -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<String> accounts = new ArrayList<>(List.of("account_id,name,currency,country,price_list,vat_id"));
            List<String> trunks = new ArrayList<>(List.of("trunk_id,account_id,name,trunk_type,data_center,channels,"
                    + "channel_plan,service_address_id,admin_status,action_status,created_at,deleted_at"));
            // two runs of 2,500 accounts and 2,500 trunks: 10,000 rows
            for (int i = 0; i < TABLE_ROWS / 4; i++) {
                accounts.add("ACC-" + i + ",Customer " + i + ",EUR,DE,STANDARD,DE" + i);
                trunks.add("T-" + i + ",ACC-" + i + ",pbx " + i + ",STATIC,FRANKFURT," + random.nextInt(1, 100)
                        + ",METERED,,ENABLED,SUCCESS,2026-0" + random.nextInt(1, 10) + "-01T00:00:00Z,");
            }
            for (boolean encodingDamage : new boolean[] {false, true}) {
                Path dir = Files.createDirectories(tempDir.resolve("inventory-" + encodingDamage));
                Files.write(dir.resolve("accounts.csv"), mutate(accounts, random, encodingDamage));
                Files.write(dir.resolve("trunks.csv"), mutate(trunks, random, encodingDamage));
                JobExecution execution = launch("inventoryImportJob", new JobParametersBuilder()
                        .addString("dir", dir.toString()).addString("as-of", "2026-10-01T00:00:00Z")
                        .toJobParameters());
                assertFinishedCleanly(execution);
            }
        });
    }

    /** Completed, or failed with a refusal that names the problem: never an unexpected exception. */
    static void assertFinishedCleanly(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return;
        }
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        for (Throwable failure : execution.getAllFailureExceptions()) {
            assertThat(failure.getClass().getSimpleName()).as(failure.toString())
                    .isIn("CsvFileException", "RateTableImportRefusedException");
            assertThat(failure.getMessage()).as(failure.toString()).isNotBlank();
        }
    }

    /** The header stays; about half of the data lines are mutated. */
    static byte[] mutate(List<String> lines, SplittableRandom random, boolean encodingDamage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
        List<String> earlier = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            earlier.add(line);
            if (random.nextBoolean()) {
                out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
                continue;
            }
            String[] fields = line.split(",", -1);
            int field = random.nextInt(fields.length);
            int kind = random.nextInt(encodingDamage ? 14 : 12);
            if (kind == 1 && random.nextInt(100) != 0) {
                kind = 2; // a stray quote makes the rest of the file not CSV (refused whole): keep it rare
            }
            byte[] extra = null;
            String mutated = switch (kind) {
                case 0 -> line.substring(0, random.nextInt(line.length() + 1));                  // truncated
                case 1 -> insert(line, random.nextInt(line.length() + 1), "\"");                 // stray quote
                case 2 -> set(fields, field, "\"first\nsecond\r\nthird\"");                       // embedded newlines
                case 3 -> set(fields, field, "x".repeat(random.nextInt(1_000, 70_000)));         // huge field
                case 4 -> set(fields, field, INSTANTS[random.nextInt(INSTANTS.length)]);        // extreme instant
                case 5 -> set(fields, fields.length > 11 ? 11 : field, "9999-12-31T23:59:59Z"); // giant duration
                case 6 -> set(fields, field, quote(NASTY[random.nextInt(NASTY.length)]));       // formula, HTML
                case 7 -> earlier.get(random.nextInt(earlier.size()));                          // duplicate
                case 8 -> set(fields, fields.length - 1, "CONFLICT");                          // same id, other content
                case 9 -> line + ",extra";                                                      // too wide
                case 10 -> set(fields, field, "");                                              // empty value
                case 11 -> set(fields, field, "-" + Long.MAX_VALUE + "9.5e400");              // absurd number
                case 12 -> insert(line, random.nextInt(line.length() + 1), "\0");              // NUL
                default -> {                                                                      // invalid UTF-8
                    int at = random.nextInt(line.length() + 1);
                    extra = new byte[] {(byte) new int[] {0xC3, 0xFF, 0xE9, 0x80, 0xED}[random.nextInt(5)]};
                    yield line.substring(0, at) + "\u0001SPLIT\u0001" + line.substring(at);
                }
            };
            if (extra != null) {
                String[] halves = mutated.split("\u0001SPLIT\u0001", 2);
                out.writeBytes(halves[0].getBytes(StandardCharsets.UTF_8));
                out.writeBytes(extra);
                out.writeBytes((halves[1] + "\n").getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeBytes((mutated + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static String insert(String line, int at, String text) {
        return line.substring(0, at) + text + line.substring(at);
    }

    private static String set(String[] fields, int index, String value) {
        String[] copy = fields.clone();
        copy[index] = value;
        return String.join(",", copy);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** Whether the reader refuses the file whole (not CSV: a stray quote can swallow the rest of the file). */
    private static boolean refusedWhole(Path file) {
        try (CdrSource source = CdrSource.open(file, CdrFormat.CANONICAL, null)) {
            while (source.hasNext()) {
                source.next();
            }
            return false;
        } catch (CsvFileException e) {
            assertThat(e.getMessage()).startsWith(file.getFileName().toString());
            return true;
        }
    }

    /** Data records as Commons CSV counts them (empty lines are not rows), independently of the importer. */
    private static long records(Path file) {
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get()
                .parse(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            return parser.stream().count() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

@OnH2
class ReaderFuzzH2FunctionalTests extends ReaderFuzzFunctionalTests {
}

@OnPostgres
class ReaderFuzzPostgresFunctionalTests extends ReaderFuzzFunctionalTests {
}
