package com.trunkbill.rating;

import com.trunkbill.db.jooq.tables.records.RatingRunRecord;
import com.trunkbill.rating.model.RatingScope;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static com.trunkbill.db.jooq.Tables.INVENTORY_SNAPSHOT;
import static com.trunkbill.db.jooq.Tables.RATING_RUN;
import static com.trunkbill.db.jooq.Tables.RATING_RUN_PARTITION;
import static com.trunkbill.db.jooq.Tables.RATING_RUN_TOTAL;
import static org.jooq.impl.DSL.max;

/**
 * {@code rating_run} and {@code rating_run_total}: one row per rating run, with its scope, the rate-table
 * versions it used, its keyset position and its counters. The position and counters are updated in the
 * transaction of each chunk, so after a crash they describe exactly what was committed.
 */
@Repository
public class RatingRunRepository {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";

    private final DSLContext db;

    public RatingRunRepository(DSLContext db) {
        this.db = db;
    }

    /** A rating run as stored. */
    public record RatingRun(long runId, RatingScope scope, Long ratesVersionId, Long plansVersionId,
                            Long inventorySnapshotId, String status, long cdrsRated,
                            long cdrsChanged, long cdrsNoRate, long cdrsAnomalous) {
    }

    /** Cost of the CDRs a run rated, and its change against the superseded ratings, in one currency. */
    public record CurrencyTotal(String currency, BigDecimal cost, BigDecimal costDelta) {
    }

    /** What one committed chunk adds to its run. */
    public record ChunkProgress(long lastCdrKey, long rated, long changed, long noRate, long anomalous,
                                Map<String, CurrencyTotal> totals) {
    }

    public long start(RatingScope scope, Long ratesVersionId, Long plansVersionId, Long jobExecutionId,
                      Instant startedAt) {
        return start(scope, ratesVersionId, plansVersionId, jobExecutionId, startedAt, false);
    }

    /** @param atIngest the first rating of the CDRs an import stores, made by that import (issue 8) */
    public long start(RatingScope scope, Long ratesVersionId, Long plansVersionId, Long jobExecutionId,
                      Instant startedAt, boolean atIngest) {
        Long snapshotId = db.select(max(INVENTORY_SNAPSHOT.SNAPSHOT_ID)).from(INVENTORY_SNAPSHOT)
                .fetchOne(0, Long.class);
        return db.insertInto(RATING_RUN)
                .set(RATING_RUN.JOB_EXECUTION_ID, jobExecutionId)
                .set(RATING_RUN.STARTED_AT, startedAt)
                .set(RATING_RUN.SCOPE_PERIOD, scope.period())
                .set(RATING_RUN.SCOPE_ACCOUNT, scope.accountId())
                .set(RATING_RUN.SCOPE_TRUNK, scope.trunkId())
                .set(RATING_RUN.RATES_VERSION_ID, ratesVersionId)
                .set(RATING_RUN.PLANS_VERSION_ID, plansVersionId)
                .set(RATING_RUN.INVENTORY_SNAPSHOT_ID, snapshotId)
                .set(RATING_RUN.STATUS, RUNNING)
                .set(RATING_RUN.AT_INGEST, atIngest)
                .returning(RATING_RUN.RUN_ID)
                .fetchSingle()
                .getRunId();
    }

    public RatingRun find(long runId) {
        RatingRunRecord r = db.selectFrom(RATING_RUN).where(RATING_RUN.RUN_ID.eq(runId)).fetchOne();
        if (r == null) {
            throw new IllegalStateException("rating run " + runId + " not found");
        }
        return new RatingRun(r.getRunId(), new RatingScope(r.getScopePeriod(), r.getScopeAccount(),
                r.getScopeTrunk()), r.getRatesVersionId(), r.getPlansVersionId(), r.getInventorySnapshotId(),
                r.getStatus(), r.getCdrsRated(), r.getCdrsChanged(), r.getCdrsNoRate(),
                r.getCdrsAnomalous());
    }

    /**
     * The keyset position of one partition of a run: the key ({@code cdr_key}) of the last CDR whose rating it
     * committed; empty before its first chunk (or for a run left running by a version before V57).
     */
    public Optional<Long> position(long runId, int partition) {
        return db.select(RATING_RUN_PARTITION.LAST_CDR_KEY).from(RATING_RUN_PARTITION)
                .where(RATING_RUN_PARTITION.RUN_ID.eq(runId).and(RATING_RUN_PARTITION.PARTITION_NO.eq(partition)))
                .fetchOptional(RATING_RUN_PARTITION.LAST_CDR_KEY);
    }

    /**
     * Adds a committed chunk's counters to its run and moves its partition's keyset position to its last CDR.
     * Partitions running at the same time add to the same run row: the row lock taken by the first update
     * orders them, and every later statement of the chunk sees the totals the others committed.
     */
    public void recordChunk(long runId, int partition, ChunkProgress chunk) {
        int updated = db.update(RATING_RUN)
                .set(RATING_RUN.CDRS_RATED, RATING_RUN.CDRS_RATED.plus(chunk.rated()))
                .set(RATING_RUN.CDRS_CHANGED, RATING_RUN.CDRS_CHANGED.plus(chunk.changed()))
                .set(RATING_RUN.CDRS_NO_RATE, RATING_RUN.CDRS_NO_RATE.plus(chunk.noRate()))
                .set(RATING_RUN.CDRS_ANOMALOUS, RATING_RUN.CDRS_ANOMALOUS.plus(chunk.anomalous()))
                .where(RATING_RUN.RUN_ID.eq(runId))
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("rating run " + runId + " not found");
        }
        int moved = db.update(RATING_RUN_PARTITION)
                .set(RATING_RUN_PARTITION.LAST_CDR_KEY, chunk.lastCdrKey())
                .where(RATING_RUN_PARTITION.RUN_ID.eq(runId).and(RATING_RUN_PARTITION.PARTITION_NO.eq(partition)))
                .execute();
        if (moved == 0) {
            db.insertInto(RATING_RUN_PARTITION)
                    .set(RATING_RUN_PARTITION.RUN_ID, runId)
                    .set(RATING_RUN_PARTITION.PARTITION_NO, partition)
                    .set(RATING_RUN_PARTITION.LAST_CDR_KEY, chunk.lastCdrKey())
                    .execute();
        }
        for (CurrencyTotal total : chunk.totals().values()) {
            int added = db.update(RATING_RUN_TOTAL)
                    .set(RATING_RUN_TOTAL.COST, RATING_RUN_TOTAL.COST.plus(total.cost()))
                    .set(RATING_RUN_TOTAL.COST_DELTA, RATING_RUN_TOTAL.COST_DELTA.plus(total.costDelta()))
                    .where(RATING_RUN_TOTAL.RUN_ID.eq(runId).and(RATING_RUN_TOTAL.CURRENCY.eq(total.currency())))
                    .execute();
            if (added == 0) {
                db.insertInto(RATING_RUN_TOTAL)
                        .set(RATING_RUN_TOTAL.RUN_ID, runId)
                        .set(RATING_RUN_TOTAL.CURRENCY, total.currency())
                        .set(RATING_RUN_TOTAL.COST, total.cost())
                        .set(RATING_RUN_TOTAL.COST_DELTA, total.costDelta())
                        .execute();
            }
        }
    }

    /**
     * The ingest runs whose ratings an unscoped run {@code runId} must make again: ingest runs started before it
     * and after the last unscoped run completed before it (those settled the earlier ones), whose rate tables or
     * inventory snapshot differ from those of run {@code runId}. Rating after the import would have used the
     * reference data of run {@code runId} (SPEC §2: {@code rate} rates every unrated CDR with the tables as they
     * are now), so their CDRs count as not yet rated.
     */
    public Set<Long> staleIngestRuns(long runId) {
        RatingRunRecord run = db.selectFrom(RATING_RUN).where(RATING_RUN.RUN_ID.eq(runId)).fetchSingle();
        Long settledUpTo = db.select(max(RATING_RUN.RUN_ID)).from(RATING_RUN)
                .where(RATING_RUN.RUN_ID.lt(runId))
                .and(RATING_RUN.AT_INGEST.isFalse())
                .and(RATING_RUN.SCOPE_PERIOD.isNull())
                .and(RATING_RUN.STATUS.eq(COMPLETED))
                .fetchOne(0, Long.class);
        Set<Long> stale = new HashSet<>();
        db.selectFrom(RATING_RUN)
                .where(RATING_RUN.AT_INGEST.isTrue())
                .and(RATING_RUN.RUN_ID.lt(runId))
                .and(RATING_RUN.RUN_ID.gt(settledUpTo == null ? 0L : settledUpTo))
                .forEach(ingest -> {
                    if (!Objects.equals(ingest.getRatesVersionId(), run.getRatesVersionId())
                            || !Objects.equals(ingest.getPlansVersionId(), run.getPlansVersionId())
                            || !Objects.equals(ingest.getInventorySnapshotId(), run.getInventorySnapshotId())) {
                        stale.add(ingest.getRunId());
                    }
                });
        return stale;
    }

    public void finish(long runId, Instant finishedAt) {
        db.update(RATING_RUN)
                .set(RATING_RUN.STATUS, COMPLETED)
                .set(RATING_RUN.FINISHED_AT, finishedAt)
                .where(RATING_RUN.RUN_ID.eq(runId))
                .execute();
    }

    /** The run's totals by currency, in currency order. */
    public List<CurrencyTotal> totals(long runId) {
        return db.selectFrom(RATING_RUN_TOTAL)
                .where(RATING_RUN_TOTAL.RUN_ID.eq(runId))
                .orderBy(RATING_RUN_TOTAL.CURRENCY)
                .fetch(r -> new CurrencyTotal(r.getCurrency(), r.getCost(), r.getCostDelta()));
    }
}
