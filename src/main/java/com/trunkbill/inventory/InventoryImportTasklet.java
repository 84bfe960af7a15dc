package com.trunkbill.inventory;

import com.trunkbill.batch.JobSummary;
import com.trunkbill.inventory.model.InventoryFiles;
import com.trunkbill.inventory.model.ParsedSnapshot;
import com.trunkbill.inventory.model.RawRow;
import com.trunkbill.inventory.model.Severity;
import com.trunkbill.inventory.model.SnapshotPlan;
import com.trunkbill.inventory.model.SnapshotPlanner;
import com.trunkbill.inventory.model.SnapshotViolation;
import com.trunkbill.inventory.model.StoredInventory;
import com.trunkbill.support.CsvFileException;
import com.trunkbill.support.CsvInput;
import com.trunkbill.support.CsvLine;
import com.trunkbill.support.CsvOutput;
import com.trunkbill.support.InputFolder;
import com.trunkbill.support.RejectsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one step of {@code inventoryImportJob}: reads the snapshot files, plans the changes with
 * {@link SnapshotPlanner} and applies them in the step's single transaction (SPEC §3.1, §8: a refused file
 * fails the job without partial effects). Then writes {@code rejects/<file>.rejects.csv} for the refused rows
 * and {@code rejects/inventory-violations.csv} with every violation, and the summary lines.
 */
class InventoryImportTasklet implements Tasklet {

    static final String DIR = "dir";
    static final String AS_OF = "as-of";
    static final String VIOLATIONS_FILE = "inventory-violations.csv";
    private static final Logger log = LoggerFactory.getLogger(InventoryImportTasklet.class);

    private final InventoryRepository inventory;
    private final InventorySnapshotStore store;
    private final Path outputDir;
    private final boolean followSymlinks;

    InventoryImportTasklet(InventoryRepository inventory, InventorySnapshotStore store, Path outputDir,
                           boolean followSymlinks) {
        this.followSymlinks = followSymlinks;
        this.inventory = inventory;
        this.store = store;
        this.outputDir = outputDir;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        JobParameters parameters = step.getJobParameters();
        String dirParameter = parameters.getString(DIR);
        if (dirParameter == null) {
            throw new IllegalArgumentException("inventoryImportJob: parameter dir is required");
        }
        Path dir = Path.of(dirParameter).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("inventoryImportJob: " + dir + " is not a directory");
        }
        Instant asOf = asOf(parameters, step);

        long started = System.nanoTime();
        Map<String, Integer> rowsRead = new LinkedHashMap<>();
        ParsedSnapshot parsed = new ParsedSnapshot();
        List<String> fileNotes = new ArrayList<>();
        InputFolder folder = InputFolder.of(dir, followSymlinks);
        readIfPresent(folder, InventoryFiles.ACCOUNTS, InventoryFiles.ACCOUNT_REQUIRED_COLUMNS,
                InventoryFiles.ACCOUNT_COLUMNS, rowsRead, fileNotes, parsed::withAccounts);
        readIfPresent(folder, InventoryFiles.SERVICE_ADDRESSES, InventoryFiles.ADDRESS_REQUIRED_COLUMNS,
                InventoryFiles.ADDRESS_COLUMNS, rowsRead, fileNotes, parsed::withAddresses);
        readIfPresent(folder, InventoryFiles.TRUNKS, InventoryFiles.TRUNK_REQUIRED_COLUMNS,
                InventoryFiles.TRUNK_COLUMNS, rowsRead, fileNotes, parsed::withTrunks);
        if (rowsRead.isEmpty()) {
            throw new CsvFileException(dir + ": none of " + InventoryFiles.ACCOUNTS + ", "
                    + InventoryFiles.SERVICE_ADDRESSES + ", " + InventoryFiles.TRUNKS + " is there; nothing imported");
        }

        long parsedAt = System.nanoTime();
        StoredInventory stored = new StoredInventory(inventory.accounts(), inventory.serviceAddresses(),
                inventory.trunkTimelines());
        long loadedAt = System.nanoTime();
        SnapshotPlan plan = SnapshotPlanner.plan(stored, parsed, asOf);
        long plannedAt = System.nanoTime();
        long snapshotId = store.apply(plan, asOf, Instant.now(), dir.toString());
        log.info("inventory snapshot {}: read and validated in {} ms, stored inventory loaded in {} ms, planned in {} ms,"
                        + " written in {} ms", snapshotId, (parsedAt - started) / 1_000_000,
                (loadedAt - parsedAt) / 1_000_000, (plannedAt - loadedAt) / 1_000_000,
                (System.nanoTime() - plannedAt) / 1_000_000);

        writeRejects(plan, rowsRead.keySet());
        long read = rowsRead.values().stream().mapToLong(Integer::longValue).sum();
        for (long i = 0; i < read; i++) {
            contribution.incrementReadCount();
        }
        contribution.incrementWriteCount(plan.accountsAccepted() + plan.addressesAccepted() + plan.trunksAccepted());
        summarize(step, plan, snapshotId, asOf, dir, rowsRead, fileNotes);
        return RepeatStatus.FINISHED;
    }

    /**
     * The job parameter, or (a plain Spring Batch launch without it) now, kept in the step's execution context
     * so a restart of the failed step imports at the same instant.
     */
    private static Instant asOf(JobParameters parameters, StepExecution step) {
        String text = parameters.getString(AS_OF);
        if (text == null) {
            text = step.getExecutionContext().getString(AS_OF, null);
        }
        if (text == null) {
            text = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
            step.getExecutionContext().putString(AS_OF, text);
        }
        try {
            // stored TIMESTAMPs keep microseconds: compare and key states at that precision
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("inventoryImportJob: as-of " + text
                    + " is not an ISO-8601 instant with offset (e.g. 2026-10-01T00:00:00Z)");
        }
    }

    private static void readIfPresent(InputFolder folder, String fileName, List<String> requiredColumns, List<String> columns,
                                      Map<String, Integer> rowsRead, List<String> fileNotes,
                                      Function<Iterable<RawRow>, ParsedSnapshot> target) {
        Path file = folder.dir().resolve(fileName);
        if (!folder.exists(file)) {
            fileNotes.add(fileName + ": absent, stored " + fileName.replace(".csv", "") + " unchanged");
            return;
        }
        Optional<String> notRead = folder.whyNotRead(file);
        if (notRead.isPresent()) {
            String note = InputFolder.skipped(file, notRead.get()) + "; stored " + fileName.replace(".csv", "")
                    + " unchanged";
            log.warn(note);
            fileNotes.add(note);
            return;
        }
        List<RawRow> rows = new ArrayList<>();
        try (CsvInput input = CsvInput.open(file, requiredColumns, columns)) {
            if (!input.unknownColumns().isEmpty()) {
                String note = fileName + ": unknown columns ignored: " + String.join(", ", input.unknownColumns());
                log.warn(note);
                fileNotes.add(note);
            }
            for (CsvLine line : input) {
                rows.add(new RawRow(line.lineNo(), line::get, input::hasColumn, line.values(),
                        line.hasHeaderWidth()));
            }
        }
        rowsRead.put(fileName, rows.size());
        target.apply(rows);
    }

    private void writeRejects(SnapshotPlan plan, Iterable<String> presentFiles) {
        Path rejectsDir = outputDir.resolve("rejects");
        try {
            for (String fileName : presentFiles) {
                RejectsFile rejects = new RejectsFile(rejectsDir, fileName);
                Files.deleteIfExists(rejects.path()); // same name every run: do not leave an earlier run's rejects
                try (rejects) {
                    plan.violations().stream()
                            .filter(v -> v.isRefused() && v.fileName().equals(fileName) && v.lineNo() != null)
                            .forEach(v -> rejects.reject(v.lineNo(), v.reason(), v.message(), v.rawRow()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rejects under " + rejectsDir, e);
        }
        try (CsvOutput all = CsvOutput.create(rejectsDir.resolve(VIOLATIONS_FILE),
                List.of("file", "line", "entity_id", "severity", "reason", "detail"))) {
            for (SnapshotViolation v : plan.violations()) {
                all.row(v.fileName(), v.lineNo(), v.entityId(), v.severity().name(), v.reason(), v.message());
            }
        }
    }

    private static void summarize(StepExecution step, SnapshotPlan plan, long snapshotId, Instant asOf, Path dir,
                                  Map<String, Integer> rowsRead, List<String> fileNotes) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("inventory snapshot %d as of %s from %s: read %s", snapshotId, asOf, dir,
                rowsRead.entrySet().stream().map(e -> String.format("%s %,d", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", "))));
        fileNotes.forEach(note -> lines.add("  " + note));
        lines.add(String.format("  accounts   inserted %,d  updated %,d  unchanged %,d", plan.accountInserts().size(),
                plan.accountUpdates().size(), plan.accountsUnchanged()));
        lines.add(String.format("  addresses  inserted %,d  updated %,d  unchanged %,d  deleted %,d",
                plan.addressInserts().size(), plan.addressUpdates().size(), plan.addressesUnchanged(),
                plan.addressDeletes().size()));
        lines.add(String.format("  trunks     inserted %,d  updated %,d  unchanged %,d  (%,d state changes)",
                plan.trunkInserts().size(), plan.trunksUpdated(), plan.trunksUnchanged(),
                plan.stateWrites().size() - plan.trunkInserts().size()));
        lines.add(String.format("  refused %,d%s", plan.refusedCount(), byReason(plan, Severity.REFUSED)));
        lines.add(String.format("  warnings %,d%s", plan.warningCount(), byReason(plan, Severity.WARNING)));
        lines.forEach(line -> JobSummary.add(step, line));
        lines.forEach(log::debug);
    }

    private static String byReason(SnapshotPlan plan, Severity severity) {
        Map<String, Long> counts = plan.countByReason(severity);
        if (counts.isEmpty()) {
            return "";
        }
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }
}
