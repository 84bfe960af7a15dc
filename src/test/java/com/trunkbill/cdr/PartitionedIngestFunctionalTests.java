package com.trunkbill.cdr;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.cli.JobCommand;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.inventory.ImportInventoryCommand;
import com.trunkbill.invoice.InvoiceCommand;
import com.trunkbill.ratetable.ImportRatesCommand;
import com.trunkbill.report.ReconciliationRepository;
import com.trunkbill.support.CdrKey;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import com.trunkbill.testsupport.PartitionSteps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.CDR_FILE;
import static com.trunkbill.db.jooq.Tables.INVOICE;
import static com.trunkbill.db.jooq.Tables.INVOICE_LINE;
import static com.trunkbill.db.jooq.Tables.RATED_CDR;
import static com.trunkbill.db.jooq.Tables.RATING_RUN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, partitioned ingest: the sample month cut into five files, plus a sixth holding a duplicate of a row of
 * the first file (same content) and a conflicting copy of a row of the third (other content), imported with
 * {@code --partitions 3} gives exactly the CDRs, per-file counts, current ratings, invoices and reconciliation of
 * the unpartitioned import; a failed partition is restarted alone and the result is the same again.
 */
public abstract class PartitionedIngestFunctionalTests extends DatabaseTest {

    private static final String PERIOD = "2026-10";
    private static final int ROWS_PER_FILE = 4_000;

    @Autowired
    JobLaunchService launcher;

    @Autowired
    ReconciliationRepository reconciliation;

    Path cdrs;
    String duplicated;
    String conflicting;

    @BeforeEach
    void theSampleMonthInSixFiles() throws IOException {
        cdrs = Files.createDirectories(tempDir.resolve("cdrs"));
        List<String> lines = Files.readAllLines(Path.of("sample-cdrs/cdrs-2026-10-01.csv"));
        String header = lines.get(0);
        List<String> rows = lines.subList(1, lines.size());
        for (int file = 0; file < 5; file++) {
            List<String> content = new ArrayList<>(List.of(header));
            content.addAll(rows.subList(file * ROWS_PER_FILE, Math.min(rows.size(), (file + 1) * ROWS_PER_FILE)));
            Files.write(cdrs.resolve("cdrs-" + (char) ('a' + file) + ".csv"), content);
        }
        String firstOfA = rows.get(7);
        String firstOfC = rows.get(2 * ROWS_PER_FILE + 11);
        duplicated = firstOfA.substring(0, firstOfA.indexOf(','));
        conflicting = firstOfC.substring(0, firstOfC.indexOf(','));
        // the same cdr_id with another codec: DUPLICATE_CONFLICT in cdrs-f.csv, cdrs-c.csv's row stays
        String changed = firstOfC.substring(0, firstOfC.lastIndexOf(',')) + ",OPUS";
        Files.write(cdrs.resolve("cdrs-f.csv"), List.of(header, firstOfA, changed));
        run(new ImportInventoryCommand(), Map.of("dir", "sample-cdrs/inventory"));
        run(new ImportRatesCommand(), Map.of("dir", "rate-tables"));
    }

    @Test
    void threePartitionsGiveWhatTheUnpartitionedImportGives() throws IOException {
        JobExecution unpartitioned = importCdrs(null);
        assertThat(unpartitioned.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        String total = JobSummary.lines(unpartitioned).stream().filter(line -> line.startsWith("total: ")).findFirst()
                .orElseThrow();
        assertThat(total).endsWith("(6 file(s) ingested, 0 already ingested)");
        Outcome sequential = outcome();
        assertThat(sequential.files()).contains("cdrs-f.csv|read 2|duplicates 1|duplicate_conflict 1");
        // f repeats cdr_ids of a and c: the import remembers those two files' cdr_ids after them, no others
        assertThat(IngestPartitions.repeatedLater(unpartitioned)).containsExactlyInAnyOrder("cdrs-a.csv", "cdrs-c.csv");
        forgetEverythingButTheReferenceData();

        JobExecution partitioned = importCdrs(3);

        assertThat(partitioned.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // a, c and f share cdr_ids: one partition, in name order; the others are spread by size
        assertThat(partitionSteps(partitioned)).isEqualTo(Map.of(
                "ingestCdrPartitionsStep:partition0", 1, "ingestCdrPartitionsStep:partition1", 1,
                "ingestCdrPartitionsStep:partition2", 1));
        List<String> summary = JobSummary.lines(partitioned);
        assertThat(summary).contains("ingestCdrPartitionsStep:partition0 COMPLETED on local: 3 file(s)",
                "cdrs-f.csv: read 2  accepted 0  duplicates 1  rejected 1 (DUPLICATE_CONFLICT 1)", total);
        // b, d and e (4,000 rows each) over the other two
        assertThat(summary).filteredOn(line -> line.matches(
                "ingestCdrPartitionsStep:partition[12] COMPLETED on local: [12] file\\(s\\)")).hasSize(2);
        assertThat(summary).filteredOn(line -> line.matches("cdrs-[a-f]\\.csv: read .*")).hasSize(6);
        assertThat(partitioned.getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith("ingestCdrPartitionsStep:"))
                .map(step -> step.getExecutionContext().getString(IngestPartitions.REPEATED_LATER_KEY)))
                .containsExactlyInAnyOrder("cdrs-a.csv/cdrs-c.csv", "", "");
        // one ingest rating run per partition
        assertThat(db.fetchCount(RATING_RUN)).isEqualTo(3);
        assertSame(outcome(), sequential);
        assertThat(db.select(CDR_FILE.FILE_NAME).from(CDR.join(CDR_FILE).on(CDR.FILE_ID.eq(CDR_FILE.FILE_ID)))
                .where(CDR.CDR_ID.in(duplicated, conflicting)).orderBy(CDR.CDR_ID).fetch(CDR_FILE.FILE_NAME))
                .containsExactlyInAnyOrder("cdrs-a.csv", "cdrs-c.csv");
    }

    @Test
    void aFailedPartitionIsRestartedAloneAndTheResultIsTheCleanRuns() throws IOException {
        importCdrs(null);
        Outcome clean = outcome();
        forgetEverythingButTheReferenceData();
        // cdrs-f.csv's rejects cannot be written (a folder with a file is in the way): its partition fails there,
        // after cdrs-a.csv and cdrs-c.csv are committed
        Path blocker = Files.createDirectories(outputDir.resolve("rejects/cdrs-f.csv.rejects.csv"));
        Files.writeString(blocker.resolve("in-the-way"), "");

        JobExecution failed = importCdrs(3);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(db.fetch("select file_name from cdr_file order by file_name").getValues(0, String.class))
                .containsExactly("cdrs-a.csv", "cdrs-b.csv", "cdrs-c.csv", "cdrs-d.csv", "cdrs-e.csv");
        FileSystemUtils.deleteRecursively(blocker);

        JobExecution restarted = importCdrs(3);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(partitionSteps(failed, restarted)).isEqualTo(Map.of(
                "ingestCdrPartitionsStep:partition0", 2, "ingestCdrPartitionsStep:partition1", 1,
                "ingestCdrPartitionsStep:partition2", 1));
        assertThat(JobSummary.lines(restarted)).contains(
                "ingestCdrPartitionsStep:partition0 COMPLETED on local: 3 file(s)",
                "total: read 2  accepted 0  duplicates 1  rejected 1 (DUPLICATE_CONFLICT 1)"
                        + "  (1 file(s) ingested, 2 already ingested)");
        // the restarted partition continued its own rating run: still one per partition
        assertThat(db.fetchCount(RATING_RUN)).isEqualTo(3);
        assertSame(outcome(), clean);
    }

    private JobExecution importCdrs(Integer partitions) {
        Map<String, String> options = new HashMap<>(Map.of("dir", cdrs.toString()));
        if (partitions != null) {
            options.put("partitions", partitions.toString());
        }
        ImportCdrsCommand command = new ImportCdrsCommand();
        return launcher.launch(command.jobName(), command.jobParameters(ParsedOptions.of(command.name(), options)),
                command.runPolicy()).execution();
    }

    private void run(JobCommand command, Map<String, String> options) {
        JobExecution execution = launcher.launch(command.jobName(),
                command.jobParameters(ParsedOptions.of(command.name(), options)), command.runPolicy()).execution();
        assertThat(execution.getStatus()).as(command.name()).isEqualTo(BatchStatus.COMPLETED);
    }

    /** The import's result, then the period invoiced: everything but generated ids and times. */
    private Outcome outcome() throws IOException {
        run(new InvoiceCommand(), Map.of("period", PERIOD));
        List<String> cdrRows = db.select(CDR.asterisk(), CDR_FILE.FILE_NAME)
                .from(CDR.join(CDR_FILE).on(CDR.FILE_ID.eq(CDR_FILE.FILE_ID))).orderBy(CDR.CDR_ID)
                .fetch(r -> {
                    var cdr = r.into(CDR);
                    // the key is made of the file id, which differs; so is its line number, which must not
                    assertThat(cdr.getCdrKey()).isEqualTo(CdrKey.of(cdr.getFileId(), cdr.getLineNo()));
                    cdr.setFileId(0L);
                    cdr.setCdrKey(0L);
                    return java.util.Arrays.toString(cdr.intoArray()) + r.get(CDR_FILE.FILE_NAME);
                });
        List<String> files = db.selectFrom(CDR_FILE).orderBy(CDR_FILE.FILE_NAME)
                .fetch(f -> f.getFileName() + "|read " + f.getReadCount() + "|duplicates " + f.getDuplicates()
                        + "|duplicate_conflict " + f.getDuplicateConflict());
        List<String> ratings = db.select(RATED_CDR.fields()).from(RATED_CDR).where(RATED_CDR.IS_CURRENT.isTrue())
                .orderBy(RATED_CDR.CDR_ID).fetch(r -> {
                    var rating = r.into(RATED_CDR);
                    rating.setRunId(0L); // the run ids and CDR keys differ; every other column must not
                    rating.setCdrKey(0L);
                    return java.util.Arrays.toString(rating.intoArray());
                });
        List<String> invoices = db.selectFrom(INVOICE).orderBy(INVOICE.INVOICE_ID).fetch(r -> {
            r.setCreatedAt(null);
            return java.util.Arrays.toString(r.intoArray());
        });
        List<String> lines = db.selectFrom(INVOICE_LINE).orderBy(INVOICE_LINE.INVOICE_ID, INVOICE_LINE.LINE_NO)
                .fetch(r -> java.util.Arrays.toString(r.intoArray()));
        Map<String, String> rejects = new LinkedHashMap<>();
        try (var listing = Files.list(outputDir.resolve("rejects"))) {
            for (Path file : listing.filter(f -> f.getFileName().toString().startsWith("cdrs-")).sorted().toList()) {
                rejects.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return new Outcome(cdrRows, files, ratings, invoices, lines, reconciliation.reconcile().toString(), rejects);
    }

    private static void assertSame(Outcome actual, Outcome expected) {
        assertThat(actual.files()).isEqualTo(expected.files());
        assertThat(actual.reconciliation()).isEqualTo(expected.reconciliation());
        assertThat(actual.rejects()).isEqualTo(expected.rejects());
        assertThat(actual.cdrs()).hasSize(expected.cdrs().size()).containsExactlyElementsOf(expected.cdrs());
        assertThat(actual.ratings()).hasSize(expected.ratings().size()).containsExactlyElementsOf(expected.ratings());
        assertThat(actual.invoices()).isEqualTo(expected.invoices());
        assertThat(actual.invoiceLines()).isEqualTo(expected.invoiceLines());
    }

    private record Outcome(List<String> cdrs, List<String> files, List<String> ratings, List<String> invoices,
                           List<String> invoiceLines, String reconciliation, Map<String, String> rejects) {
    }

    /** Back to the reference data alone: no CDR, no rating, no invoice, no import-cdrs execution, no output. */
    private void forgetEverythingButTheReferenceData() throws IOException {
        FileSystemUtils.deleteRecursively(outputDir);
        for (String table : List.of("INVOICE_LINE", "INVOICE", "RATING_RUN_PARTITION", "RATING_RUN_TOTAL",
                "RATED_CDR", "RATING_RUN", "CDR_FILE_REJECT", "CDR", "CDR_FILE")) {
            db.execute("delete from " + table);
        }
    }

    /** Step executions of the partitions in these job executions, by name. */
    private Map<String, Integer> partitionSteps(JobExecution... executions) {
        return PartitionSteps.count(db, "ingestCdrPartitionsStep", executions);
    }
}

@OnH2
class PartitionedIngestH2FunctionalTests extends PartitionedIngestFunctionalTests {
}

@OnPostgres
class PartitionedIngestPostgresFunctionalTests extends PartitionedIngestFunctionalTests {
}
