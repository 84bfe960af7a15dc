package com.trunkbill.db;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * H2 stores a long transaction's pages in the background during a step of a few big transactions, and each commit
 * synchronously, as {@code WRITE_DELAY=0} ({@link DataSourceSafety}) does for every commit.
 * <p>
 * With {@code WRITE_DELAY=0}, H2 writes the pages a transaction changes on the thread that changes them. The import
 * stores a CDR file in one transaction (a million CDRs and their ratings for the benchmark's file), and its thread
 * wrote those pages while the other core waited. As a listener of such a step, this sets a write delay
 * ({@code trunkbill.db.h2-write-behind-ms}) for the step: H2's background thread then writes the
 * pages on the other core. The step calls {@link #durableOnCommit()} in each transaction: right after the commit,
 * {@code CHECKPOINT} writes what is left, so a commit is on disk before the step goes on, as before. A kill between
 * the commit and the checkpoint loses that transaction whole, the step's own bookkeeping with it (both are in the
 * same store), and the restart does it again. After the step the delay is set back. (H2 applies a URL's settings to
 * every connection it opens: a connection the pool opens during the step sets the delay back to 0, and the step goes
 * on as without this, slower but the same.)
 * <p>
 * Only an H2 database whose write delay is 0 is changed: an in-memory one, or one whose URL names another delay, is
 * left as its URL says; PostgreSQL is not touched.
 */
@Component
public class H2WriteBehind implements StepExecutionListener {

    private final DSLContext db;
    private final int delayMillis;
    /** The steps running with the delay (partitions of one import run side by side); guarded by this. */
    private int steps;
    /** Whether the delay was changed, by the first of those steps; set back by the last. */
    private volatile boolean changed;

    public H2WriteBehind(DSLContext db, @Value("${trunkbill.db.h2-write-behind-ms:2000}") int delayMillis) {
        this.db = db;
        this.delayMillis = delayMillis;
    }

    @Override
    public synchronized void beforeStep(StepExecution step) {
        if (applies() && steps++ == 0 && "0".equals(writeDelay())) {
            db.execute("SET WRITE_DELAY " + delayMillis);
            changed = true;
        }
    }

    @Override
    public synchronized ExitStatus afterStep(StepExecution step) {
        if (applies() && --steps == 0 && changed) {
            changed = false;
            db.execute("SET WRITE_DELAY 0");
            db.execute("CHECKPOINT");
        }
        return null;
    }

    /**
     * In a transaction of a step this listens to: writes the store right after the commit. Does nothing where the
     * delay was not changed (PostgreSQL, H2 with a delay of its own) or outside a transaction.
     */
    public void durableOnCommit() {
        if (!changed || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                db.execute("CHECKPOINT");
            }
        });
    }

    /** Whether the delay has been changed and not set back yet. */
    boolean changed() {
        return changed;
    }

    private boolean applies() {
        return delayMillis > 0 && db.dialect().family() == SQLDialect.H2;
    }

    /**
     * The database's write delay in milliseconds. H2 lists the setting twice, the value in effect and the one its
     * URL gave (which {@code SET WRITE_DELAY} does not change): the larger is the one in effect whenever the delay
     * is only raised from the URL's, as here.
     */
    String writeDelay() {
        return db.select(DSL.max(DSL.field("CAST(SETTING_VALUE AS INT)", Integer.class)))
                .from(DSL.table("INFORMATION_SCHEMA.SETTINGS")).where("SETTING_NAME = 'WRITE_DELAY'")
                .fetchOne(0, String.class);
    }
}
