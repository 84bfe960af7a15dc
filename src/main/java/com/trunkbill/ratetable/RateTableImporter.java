package com.trunkbill.ratetable;

import com.trunkbill.db.BulkRowWriter;
import com.trunkbill.ratetable.model.OverlapCheck;
import com.trunkbill.ratetable.model.RateTable;
import com.trunkbill.ratetable.model.RateTableFormat;
import com.trunkbill.ratetable.model.RowFields;
import com.trunkbill.ratetable.model.RowProblem;
import com.trunkbill.support.CsvFileException;
import com.trunkbill.support.CsvInput;
import com.trunkbill.support.CsvLine;
import com.trunkbill.support.InputFolder;
import com.trunkbill.support.RejectsFile;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static com.trunkbill.db.jooq.Tables.RATE_TABLE_VERSION;

/**
 * Imports the rate-table files of a directory (SPEC §3.2): each file present becomes a new version of its
 * table, an absent file leaves its table as it is, a file with the content of the table's active version
 * adds nothing ("unchanged"). A file with any invalid or overlapping row is refused whole and so is the
 * whole import: it runs in the caller's transaction, which the job rolls back when the result is refused.
 * Rows are streamed from the file into the database in bulk as they are validated.
 */
@Component
public class RateTableImporter {

    /** Problems quoted in the failure message per file; the rejects file has them all. */
    static final int PROBLEMS_IN_MESSAGE = 20;
    /** Conflicting pairs reported at most per file (a file of n copies of one row has n(n-1)/2 pairs). */
    static final int OVERLAP_LIMIT = 100_000;

    private static final Logger log = LoggerFactory.getLogger(RateTableImporter.class);

    private final DSLContext db;
    private final DataSource dataSource;
    private final Path rejectsDir;
    private final boolean followSymlinks;

    public RateTableImporter(DSLContext db, DataSource dataSource,
                             @Value("${trunkbill.output-dir}") Path outputDir,
                             @Value("${" + InputFolder.FOLLOW_SYMLINKS + ":false}") boolean followSymlinks) {
        this.db = db;
        this.followSymlinks = followSymlinks;
        this.dataSource = dataSource;
        this.rejectsDir = outputDir.resolve("rejects");
    }

    /** The outcome of one import of a directory. */
    public record Result(List<TableImportOutcome> outcomes) {

        public boolean refused() {
            return outcomes.stream().anyMatch(o -> o.status() == TableImportOutcome.Status.REFUSED);
        }

        public long rowsRead() {
            return outcomes.stream().mapToLong(TableImportOutcome::rows).sum();
        }

        public long rowsLoaded() {
            return refused() ? 0 : outcomes.stream()
                    .filter(o -> o.status() == TableImportOutcome.Status.LOADED)
                    .mapToLong(TableImportOutcome::rows).sum();
        }

        public List<String> summaryLines() {
            List<String> lines = new ArrayList<>();
            for (TableImportOutcome outcome : outcomes) {
                lines.add(outcome.summaryLine(!refused()));
                if (!outcome.unknownColumns().isEmpty()) {
                    lines.add(outcome.fileName() + ": unknown column(s) ignored: "
                            + String.join(", ", outcome.unknownColumns()));
                }
            }
            return lines;
        }

        public String failureMessage() {
            StringBuilder message = new StringBuilder("rate tables refused, nothing imported:");
            outcomes.stream().filter(o -> o.status() == TableImportOutcome.Status.REFUSED)
                    .forEach(o -> message.append(' ').append(o.fileName()).append(": ").append(o.refusal())
                            .append('.'));
            return message.toString();
        }
    }

    /** Imports every rate-table file of {@code dir} in the caller's transaction (which must exist). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Result importDirectory(Path dir) {
        List<TableImportOutcome> outcomes = new ArrayList<>();
        InputFolder folder = InputFolder.of(dir, followSymlinks);
        for (RateTableFormat<?> format : RateTableFormat.all()) {
            Path file = dir.resolve(format.table().fileName());
            Optional<String> notRead = folder.exists(file) ? folder.whyNotRead(file) : Optional.empty();
            if (notRead.isPresent()) {
                log.warn("{}", InputFolder.skipped(file, notRead.get()));
                outcomes.add(TableImportOutcome.skipped(format.table(), notRead.get()));
            } else {
                outcomes.add(importFile(format, file));
            }
        }
        return new Result(List.copyOf(outcomes));
    }

    private <T> TableImportOutcome importFile(RateTableFormat<T> format, Path file) {
        RateTable table = format.table();
        if (!Files.isRegularFile(file)) {
            log.debug("{}: absent, {} left as it is", table.fileName(), table);
            return TableImportOutcome.absent(table);
        }
        RejectsFile rejects = new RejectsFile(rejectsDir, table.fileName());
        deleteStaleRejects(rejects);
        String hash = sha256(file);
        Optional<Record2<Long, String>> active = activeVersion(table);
        if (active.isPresent() && active.get().value2().equals(hash)) {
            log.debug("{}: same content as active version {}, nothing to import", table.fileName(),
                    active.get().value1());
            return TableImportOutcome.unchanged(table, active.get().value1());
        }
        Long previous = active.map(Record2::value1).orElse(null);
        long versionId = db.insertInto(RATE_TABLE_VERSION)
                .set(RATE_TABLE_VERSION.TABLE_NAME, table.name())
                .set(RATE_TABLE_VERSION.SOURCE_FILE, file.toAbsolutePath().normalize().toString())
                .set(RATE_TABLE_VERSION.CONTENT_HASH, hash)
                .set(RATE_TABLE_VERSION.ROW_COUNT, 0)
                .set(RATE_TABLE_VERSION.IMPORTED_AT, Instant.now())
                .returningResult(RATE_TABLE_VERSION.VERSION_ID)
                .fetchOne().value1();
        long started = System.nanoTime();
        try (CsvInput input = CsvInput.open(file, format.layout().requiredColumns(),
                format.layout().columns());
             rejects) {
            if (!input.unknownColumns().isEmpty()) {
                log.warn("{}: unknown column(s) ignored: {}", table.fileName(),
                        String.join(", ", input.unknownColumns()));
            }
            FileLoad load = load(format, input, versionId, rejects);
            if (load.problems.isEmpty() && load.rows == 0) {
                load.refuse("has no data rows (an empty table would leave nothing to rate with; leave the file"
                        + " out to keep the table as it is)");
            }
            if (!load.problems.isEmpty()) {
                return new TableImportOutcome(table, TableImportOutcome.Status.REFUSED, load.rows, null, null,
                        load.refusal(rejects), input.unknownColumns());
            }
            db.update(RATE_TABLE_VERSION).set(RATE_TABLE_VERSION.ROW_COUNT, Math.toIntExact(load.rows))
                    .where(RATE_TABLE_VERSION.VERSION_ID.eq(versionId)).execute();
            log.debug("{}: {} rows validated and written as version {} in {} ms", table.fileName(), load.rows,
                    versionId, (System.nanoTime() - started) / 1_000_000);
            return new TableImportOutcome(table, TableImportOutcome.Status.LOADED, load.rows, versionId, previous,
                    null, input.unknownColumns());
        } catch (CsvFileException e) {
            log.warn("{}", e.getMessage());
            String reason = e.getMessage().startsWith(table.fileName() + ": ")
                    ? e.getMessage().substring(table.fileName().length() + 2) : e.getMessage();
            return new TableImportOutcome(table, TableImportOutcome.Status.REFUSED, 0, null, null, reason,
                    List.of());
        }
    }

    /** Problems of one file: the first ones kept for the message, all of them counted and in the rejects file. */
    private static final class FileLoad {
        long rows;
        long invalidRows;
        long problemCount;
        final List<String> problems = new ArrayList<>();

        void add(RowProblem problem) {
            problemCount++;
            if (problems.size() < PROBLEMS_IN_MESSAGE) {
                problems.add(problem.reason() + " " + problem.detail());
            }
        }

        void refuse(String reason) {
            problemCount++;
            problems.add(reason);
        }

        String refusal(RejectsFile rejects) {
            String listed = String.join("; ", problems);
            if (rejects.count() == 0) {
                return listed;
            }
            String more = problemCount > problems.size()
                    ? " (and " + (problemCount - problems.size()) + " more)" : "";
            return String.format("%,d problem(s), all listed in %s: %s%s", problemCount, rejects.path(), listed,
                    more);
        }
    }

    private <T> FileLoad load(RateTableFormat<T> format, CsvInput input, long versionId, RejectsFile rejects) {
        @SuppressWarnings("unchecked")
        RateTableColumns<T> target = (RateTableColumns<T>) RateTableColumns.of(format.table());
        String fileName = input.fileName();
        FileLoad load = new FileLoad();
        List<OverlapCheck.Entry> entries = new ArrayList<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (BulkRowWriter writer = BulkRowWriter.open(connection, target.table(), target.columns())) {
            for (CsvLine line : input) {
                load.rows++;
                RowFields fields = new RowFields(fileName, line.lineNo(), line::get);
                T row = null;
                if (line.hasHeaderWidth()) {
                    row = format.parse(versionId, fields);
                } else {
                    fields.problem(RowProblem.MALFORMED_ROW, null, "has " + line.values().length
                            + " fields, not as many as the header");
                }
                if (row == null) {
                    load.invalidRows++;
                    for (RowProblem problem : fields.problems()) {
                        rejects.reject(problem.lineNo(), problem.reason(), problem.detail(), line.values());
                        load.add(problem);
                    }
                    continue;
                }
                OverlapCheck.Entry entry = format.overlapEntry(row, line.lineNo());
                if (entry != null) {
                    entries.add(entry);
                }
                if (load.invalidRows == 0) {
                    // The file is refused whole at its first bad row: what was written is rolled back.
                    writer.add(target.values().of(row, versionId, line.lineNo()));
                }
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        OverlapCheck.Result overlaps = OverlapCheck.conflicts(entries, OVERLAP_LIMIT);
        // SPEC §3.2 "every conflicting row named": both rows of each pair get a rejects row, in line order.
        List<RowProblem> conflictingRows = new ArrayList<>();
        for (OverlapCheck.Conflict conflict : overlaps.conflicts()) {
            String detail = fileName + " " + conflict.describe();
            load.add(new RowProblem(conflict.second().lineNo(), RowProblem.OVERLAPPING_RATES, null, detail));
            conflictingRows.add(new RowProblem(conflict.first().lineNo(), RowProblem.OVERLAPPING_RATES, null,
                    detail));
            conflictingRows.add(new RowProblem(conflict.second().lineNo(), RowProblem.OVERLAPPING_RATES, null,
                    detail));
        }
        conflictingRows.sort(Comparator.comparingLong(RowProblem::lineNo));
        for (RowProblem problem : conflictingRows) {
            rejects.reject(problem.lineNo(), problem.reason(), problem.detail(), null);
        }
        if (overlaps.truncated()) {
            load.refuse("more than " + OVERLAP_LIMIT + " overlapping pairs, the first "
                    + OVERLAP_LIMIT + " are listed");
        }
        return load;
    }

    private Optional<Record2<Long, String>> activeVersion(RateTable table) {
        return db.select(RATE_TABLE_VERSION.VERSION_ID, RATE_TABLE_VERSION.CONTENT_HASH)
                .from(RATE_TABLE_VERSION)
                .where(RATE_TABLE_VERSION.TABLE_NAME.eq(table.name()))
                .orderBy(RATE_TABLE_VERSION.VERSION_ID.desc())
                .limit(1)
                .fetchOptional();
    }

    private static void deleteStaleRejects(RejectsFile rejects) {
        try {
            Files.deleteIfExists(rejects.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + rejects.path(), e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
