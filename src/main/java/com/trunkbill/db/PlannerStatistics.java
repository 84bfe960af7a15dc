package com.trunkbill.db;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * On PostgreSQL, {@code ANALYZE} of tables a bulk load has just written, so that the commands after it plan their
 * queries with statistics of what it stored instead of waiting for autovacuum's. Without them, {@code invoice} of a
 * 10M-CDR month took 33.8 s of job time instead of 14.1 s (docs/performance.md#planner-statistics-after-the-import),
 * and whether autovacuum had analysed the ratings by the time it ran varied from run to run. ANALYZE
 * reads a sample of each table (about 30,000 rows). A failure is logged, never the caller's: autovacuum analyses
 * the tables later anyway. H2 is not touched.
 */
@Component
public class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    private final DSLContext db;

    public PlannerStatistics(DSLContext db) {
        this.db = db;
    }

    public void analyze(Table<?>... tables) {
        if (db.dialect().family() != SQLDialect.POSTGRES || tables.length == 0) {
            return;
        }
        String names = Arrays.stream(tables).map(Table::getName).collect(Collectors.joining(", "));
        long start = System.nanoTime();
        try {
            for (Table<?> table : tables) {
                db.execute("analyze {0}", table);
            }
            log.info("planner statistics of {} updated (ANALYZE, {} ms)", names,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (DataAccessException e) {
            log.warn("ANALYZE of {} failed, autovacuum will analyse later: {}", names, e.getMessage());
        }
    }
}
