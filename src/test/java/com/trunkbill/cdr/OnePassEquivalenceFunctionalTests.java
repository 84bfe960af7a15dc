package com.trunkbill.cdr;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.cdr.generator.CdrGenerator;
import com.trunkbill.cdr.generator.GeneratorInventory;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.trunkbill.db.jooq.Tables.RATED_CDR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, rate at ingest: a generated month of CDRs (3,000 rows with bad rows, over the shipped inventory and rate
 * tables) gives exactly the same invoices, invoice lines, reconciliation and current ratings whether
 * {@code import-cdrs} rates it in one pass, or {@code import-cdrs} with rating at ingest switched off is followed by
 * {@code rate} (the two-step path). Both databases give the files under src/test/resources/equivalence/2026-10, so
 * H2 and PostgreSQL agree too (regenerate them with {@code -Dtrunkbill.equivalence.update=true}). Reference data that
 * changes between the import and the next {@code rate} (new rates, a changed inventory) gives the same result on
 * both paths: {@code rate} rates every unrated CDR with the tables as they are now (SPEC §2).
 */
public abstract class OnePassEquivalenceFunctionalTests extends DatabaseTest {

    private static final Path EXPECTED = Path.of("src/test/resources/equivalence/2026-10");
    private static final List<String> OUTPUTS = List.of("invoices/2026-10/invoices.csv",
            "invoices/2026-10/invoice-lines.csv", "reports/2026-10/reconciliation.csv");
    private static final String MONTH_START = "2026-10-01T00:00:00Z";
    private static final String MID_MONTH = "2026-10-15T00:00:00Z";
    private static final String END_OF_MONTH = "2026-11-01T00:00:00Z";

    @Autowired
    JobLaunchService launcher;

    Path cdrs;

    @BeforeEach
    void generatedMonth() throws IOException {
        cdrs = Files.createDirectories(tempDir.resolve("cdrs"));
        // 3,000 rows over the shipped inventory, one bad row in 250, in three files
        new CdrGenerator(GeneratorInventory.read(Path.of("sample-cdrs/inventory")), 42, YearMonth.of(2026, 10), true)
                .write(3_000, cdrs, 1_000);
    }

    @Test
    void onePassGivesTheInvoicesReconciliationAndRatingsOfTheTwoStepPath() throws IOException {
        importInventory(Path.of("sample-cdrs/inventory"));
        importRates(Path.of("rate-tables"));
        JobExecution twoStepImport = importCdrs(false);
        assertThat(JobSummary.lines(twoStepImport)).noneMatch(line -> line.startsWith("rating run"));
        rate();
        Month twoStep = invoiceAndReport();

        emptyDatabaseAndOutput();
        importInventory(Path.of("sample-cdrs/inventory"));
        importRates(Path.of("rate-tables"));
        JobExecution onePassImport = importCdrs(true);
        assertThat(JobSummary.lines(onePassImport)).anyMatch(line -> line.startsWith("rating run"));
        Month onePass = invoiceAndReport();

        assertThat(onePass.ratings()).hasSize(twoStep.ratings().size()).isEqualTo(twoStep.ratings());
        assertThat(onePass.files()).isEqualTo(twoStep.files());
        assertMatchesExpected(onePass.files());
    }

    @Test
    void rateAfterAOnePassImportHasNothingToDoWhenNothingChanged() {
        importInventory(Path.of("sample-cdrs/inventory"));
        importRates(Path.of("rate-tables"));
        importCdrs(true);
        List<String> before = ratings();

        JobExecution rate = rate();

        // only the pending NO_RATE CDRs are tried again, and they stay NO_RATE: no rating changes
        assertThat(JobSummary.lines(rate)).anyMatch(line -> line.matches("rating run \\d+: rated by this run (\\d+) CDRs "
                + "\\(NO_RATE \\1 pending\\), anomalies \\d+; changed 0; cost by currency: none"));
        assertThat(ratings()).isEqualTo(before);
    }

    @Test
    void ratesImportedAfterTheCdrsApplyOnTheNextRateOnBothPaths() throws IOException {
        Path doubled = doubledRates();
        Month twoStep = referenceDataChangedBeforeRate(false, () -> importRates(doubled));
        emptyDatabaseAndOutput();
        Month onePass = referenceDataChangedBeforeRate(true, () -> importRates(doubled));

        assertThat(onePass.ratings()).isEqualTo(twoStep.ratings());
        assertThat(onePass.files()).isEqualTo(twoStep.files());
        // and the new rates did apply: the month costs more than with the shipped rates
        assertThat(onePass.files().get("invoices/2026-10/invoices.csv"))
                .isNotEqualTo(read(EXPECTED.resolve("invoices.csv")));
        assertThat(onePass.rateSummary()).noneMatch(line -> line.contains("changed 0;"));
    }

    @Test
    void anInventoryChangedAfterTheCdrsAppliesOnTheNextRateOnBothPaths() throws IOException {
        Path changed = meteredAcmeTrunk();
        // the change takes effect on October 15th: calls after it are rated under METERED
        Month twoStep = referenceDataChangedBeforeRate(false, () -> importInventory(changed, MID_MONTH));
        emptyDatabaseAndOutput();
        Month onePass = referenceDataChangedBeforeRate(true, () -> importInventory(changed, MID_MONTH));

        assertThat(onePass.ratings()).isEqualTo(twoStep.ratings());
        assertThat(onePass.files()).isEqualTo(twoStep.files());
        assertThat(onePass.rateSummary()).noneMatch(line -> line.contains("changed 0;"));
    }

    @Test
    void aSecondRateAfterTheReRatingOfStaleIngestRatingsChangesNothing() throws IOException {
        Path doubled = doubledRates();
        referenceDataChangedBeforeRate(true, () -> importRates(doubled));
        List<String> before = ratings();

        JobExecution again = rate();

        assertThat(JobSummary.lines(again)).anyMatch(line -> line.contains("changed 0;"));
        assertThat(ratings()).isEqualTo(before);
    }

    /** import-inventory, import-rates, import-cdrs, then the change, then rate, invoice and report. */
    private Month referenceDataChangedBeforeRate(boolean rateAtIngest, Runnable change) throws IOException {
        importInventory(Path.of("sample-cdrs/inventory"), MONTH_START);
        importRates(Path.of("rate-tables"));
        importCdrs(rateAtIngest);
        change.run();
        List<String> rateSummary = JobSummary.lines(rate());
        Month month = invoiceAndReport();
        return new Month(month.files(), month.ratings(), rateSummary);
    }

    /** What a month gives: the output files by path, every current rating, and the summary of its last rate. */
    record Month(Map<String, String> files, List<String> ratings, List<String> rateSummary) {
    }

    private Month invoiceAndReport() throws IOException {
        launch("invoicingJob", new JobParametersBuilder().addString("period", "2026-10").addString("finalize", "false"));
        launch("reportingJob", new JobParametersBuilder().addString("period", "2026-10"));
        Map<String, String> files = new LinkedHashMap<>();
        for (String output : OUTPUTS) {
            files.put(output, read(outputDir.resolve(output)));
        }
        return new Month(files, ratings(), List.of());
    }

    /** Every current rating with what it was rated with and its exact cost, in cdr_id order. */
    private List<String> ratings() {
        return db.select(RATED_CDR.CDR_ID, RATED_CDR.STATUS, RATED_CDR.TRUNK_ID, RATED_CDR.ACCOUNT_ID,
                        RATED_CDR.PERIOD, RATED_CDR.CATEGORY, RATED_CDR.DESTINATION, RATED_CDR.CHANNEL_PLAN,
                        RATED_CDR.RATE_ID, RATED_CDR.RATE_PER_MINUTE, RATED_CDR.CURRENCY, RATED_CDR.BILLABLE,
                        RATED_CDR.DURATION_S, RATED_CDR.BILLED_S, RATED_CDR.COST, RATED_CDR.ANOMALIES,
                        RATED_CDR.RATING_ERROR)
                .from(RATED_CDR).where(RATED_CDR.IS_CURRENT.isTrue()).orderBy(RATED_CDR.CDR_ID)
                .fetch(r -> {
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < r.size(); i++) {
                        Object value = r.get(i);
                        values.add(value instanceof BigDecimal amount ? amount.stripTrailingZeros().toPlainString()
                                : String.valueOf(value));
                    }
                    return String.join("|", values);
                });
    }

    private void assertMatchesExpected(Map<String, String> files) throws IOException {
        boolean update = Boolean.getBoolean("trunkbill.equivalence.update");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path expected = EXPECTED.resolve(Path.of(file.getKey()).getFileName());
            if (update) {
                Files.createDirectories(EXPECTED);
                Files.writeString(expected, file.getValue());
            }
            assertThat(file.getValue()).as(file.getKey()).isEqualTo(read(expected));
        }
    }

    private void importInventory(Path dir) {
        importInventory(dir, END_OF_MONTH);
    }

    private void importInventory(Path dir, String asOf) {
        launch("inventoryImportJob", new JobParametersBuilder().addString("dir", dir.toAbsolutePath().toString())
                .addString("as-of", asOf));
    }

    private void importRates(Path dir) {
        launch("rateTableImportJob", new JobParametersBuilder().addString("dir", dir.toAbsolutePath().toString()));
    }

    private JobExecution importCdrs(boolean rateAtIngest) {
        return launch("cdrImportJob", new JobParametersBuilder().addString("dir", cdrs.toAbsolutePath().toString())
                .addString("format", "canonical")
                .addString(CdrImportJobConfiguration.INGESTED_AT, END_OF_MONTH, false)
                .addString(CdrImportJobConfiguration.RATE_AT_INGEST, Boolean.toString(rateAtIngest), false));
    }

    private JobExecution rate() {
        return launch("ratingJob", new JobParametersBuilder());
    }

    private JobExecution launch(String job, JobParametersBuilder parameters) {
        JobExecution execution = launcher.launch(job, parameters.toJobParameters(), RunPolicy.NEW_RUN_EACH_TIME)
                .execution();
        assertThat(execution.getStatus()).as(job + ": " + JobSummary.lines(execution)).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    /** The shipped rate tables with every rate_per_minute doubled. */
    private Path doubledRates() throws IOException {
        Path dir = Files.createDirectories(tempDir.resolve("rates-v2"));
        FileSystemUtils.copyRecursively(Path.of("rate-tables"), dir);
        rewrite(dir.resolve("rates.csv"), "rate_per_minute", rate -> new BigDecimal(rate).multiply(BigDecimal.valueOf(2))
                .toPlainString(), record -> true);
        return dir;
    }

    /** The shipped inventory with trunk TRK-1001 moved from UNLIMITED_US to METERED. */
    private Path meteredAcmeTrunk() throws IOException {
        Path dir = Files.createDirectories(tempDir.resolve("inventory-v2"));
        FileSystemUtils.copyRecursively(Path.of("sample-cdrs/inventory"), dir);
        rewrite(dir.resolve("trunks.csv"), "channel_plan", plan -> "METERED",
                record -> record.get("trunk_id").equals("TRK-1001"));
        return dir;
    }

    private static void rewrite(Path file, String column, java.util.function.UnaryOperator<String> change,
                                java.util.function.Predicate<CSVRecord> which) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<List<String>> rows = new ArrayList<>();
        List<String> header;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            header = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                List<String> values = new ArrayList<>(record.toList());
                if (which.test(record)) {
                    int index = header.indexOf(column);
                    values.set(index, change.apply(values.get(index)));
                }
                rows.add(values);
            }
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

@OnH2
class OnePassEquivalenceH2FunctionalTests extends OnePassEquivalenceFunctionalTests {
}

@OnPostgres
class OnePassEquivalencePostgresFunctionalTests extends OnePassEquivalenceFunctionalTests {
}
