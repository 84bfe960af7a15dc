package com.trunkbill.testsupport;

import com.trunkbill.db.jooq.DefaultSchema;
import org.jooq.DSLContext;
import org.jooq.ForeignKey;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Base of every repository and job test. Write the test once as an abstract subclass, then run it on both
 * databases with two one-line subclasses annotated {@link OnH2} and {@link OnPostgres}. Every test starts
 * from empty trunkbill and Spring Batch tables, with its own output directory.
 */
public abstract class DatabaseTest {

    private static final List<String> BATCH_TABLES = List.of("BATCH_STEP_EXECUTION_CONTEXT",
            "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_PARAMS",
            "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE");

    @Autowired
    protected DSLContext db;

    /** trunkbill.output-dir of this database's tests, emptied before every test. */
    @Value("${trunkbill.output-dir}")
    protected Path outputDir;

    @BeforeEach
    protected void emptyDatabaseAndOutput() throws IOException {
        FileSystemUtils.deleteRecursively(outputDir);
        emptyTables(db);
    }

    /**
     * Empties the trunkbill and Spring Batch tables: the tests of a JVM share each database, and a test class
     * leaves its rows behind until the next one starts.
     */
    public static void emptyTables(DSLContext db) {
        for (Table<?> table : deletionOrder()) {
            db.deleteFrom(table).execute();
        }
        BATCH_TABLES.forEach(table -> db.execute("delete from " + table));
    }

    /** Tables ordered so that no row is deleted before the rows that reference it. */
    private static List<Table<?>> deletionOrder() {
        List<Table<?>> remaining = new ArrayList<>(DefaultSchema.DEFAULT_SCHEMA.getTables());
        List<Table<?>> ordered = new ArrayList<>();
        Set<Table<?>> deleted = new HashSet<>();
        while (!remaining.isEmpty()) {
            for (Table<?> table : List.copyOf(remaining)) {
                boolean referencedByRemaining = remaining.stream()
                        .filter(other -> other != table)
                        .flatMap(other -> other.getReferences().stream())
                        .map(ForeignKey::getKey)
                        .anyMatch(key -> key.getTable().equals(table));
                if (!referencedByRemaining) {
                    ordered.add(table);
                    deleted.add(table);
                    remaining.remove(table);
                }
            }
        }
        return ordered;
    }

    /** A scratch directory for input files of one test. */
    @TempDir
    protected Path tempDir;
}
