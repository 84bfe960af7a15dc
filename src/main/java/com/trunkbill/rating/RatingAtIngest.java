package com.trunkbill.rating;

import com.trunkbill.db.PlannerStatistics;
import com.trunkbill.inventory.InventoryRepository;
import com.trunkbill.rating.RatingRunRepository.RatingRun;
import com.trunkbill.rating.model.Cdr;
import com.trunkbill.rating.model.RateBook;
import com.trunkbill.rating.model.RatingCandidate;
import com.trunkbill.rating.model.RatingEngine;
import com.trunkbill.rating.model.RatingOutcome;
import com.trunkbill.rating.model.RatingScope;
import com.trunkbill.ratetable.RateTableRepository;
import com.trunkbill.ratetable.model.RateTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.trunkbill.db.jooq.Tables.RATED_CDR;

/**
 * The first rating of the CDRs an import stores, made by the import itself (issue 8: one pass from files to
 * current ratings). It is a rating run like any other: a {@code rating_run} row (unscoped, marked
 * {@code at_ingest}) with the import's job execution, its rate-table versions and inventory snapshot, counters and
 * totals; its ratings are the ones {@code rate} would make (the same {@link RatingProcessor}, NO_RATE and
 * RATING_ERROR included, and the same {@link RatedCdrWriter}). Every method runs in the caller's transaction, so
 * a file's CDRs and their ratings commit, or roll back, together.
 * <p>
 * An unscoped {@code rate} re-rates the CDRs of an ingest run whose reference data is no longer current
 * ({@link RatingRunRepository#staleIngestRuns}): the result is then what rating after the import gives.
 */
@Service
public class RatingAtIngest {

    private static final Logger log = LoggerFactory.getLogger(RatingAtIngest.class);

    private final RatingRunRepository runs;
    private final RatedCdrRepository ratedCdrs;
    private final RateTableRepository rateTables;
    private final InventoryRepository inventory;
    private final PlannerStatistics statistics;

    public RatingAtIngest(RatingRunRepository runs, RatedCdrRepository ratedCdrs, RateTableRepository rateTables,
                          InventoryRepository inventory, PlannerStatistics statistics) {
        this.runs = runs;
        this.ratedCdrs = ratedCdrs;
        this.rateTables = rateTables;
        this.inventory = inventory;
        this.statistics = statistics;
    }

    /**
     * After an import that stored ratings: the planner's statistics of {@code rated_cdr} (PostgreSQL), so that the
     * commands after it do not plan without them ({@link PlannerStatistics}).
     */
    public void refreshStatistics() {
        statistics.analyze(RATED_CDR);
    }

    /** Records a new ingest rating run for the import job execution and loads what it rates with. */
    public Run start(long jobExecutionId) {
        long runId = runs.start(new RatingScope(null, null, null),
                rateTables.activeVersion(RateTable.RATES).orElse(null),
                rateTables.activeVersion(RateTable.CHANNEL_PLANS).orElse(null), jobExecutionId, Instant.now(), true);
        return resume(runId);
    }

    /** Continues run {@code runId} (a restarted import): the rate-table version it started with, as `rate` does. */
    public Run resume(long runId) {
        RatingRun run = runs.find(runId);
        RateBook rateBook = RateBook.of(run.ratesVersionId() == null ? List.of()
                : rateTables.rates(run.ratesVersionId()));
        log.info("rating run {} at ingest: {} rate rows loaded", runId, rateBook.size());
        return new Run(runId, new RatingProcessor(new RatingEngine(), rateBook, inventory.accounts(),
                inventory.trunkTimelines()), new RatedCdrWriter(ratedCdrs, runs, runId, 0));
    }

    /** One ingest rating run, loaded once per import step execution. */
    public final class Run {

        private final long runId;
        private final RatingProcessor processor;
        private final RatedCdrWriter writer;

        private Run(long runId, RatingProcessor processor, RatedCdrWriter writer) {
            this.runId = runId;
            this.processor = processor;
            this.writer = writer;
        }

        public long runId() {
            return runId;
        }

        /**
         * Rates one CDR about to be stored under {@code cdrKey} (never rated before); touches no database, so the
         * import may call it on its reader thread, one thread at a time.
         */
        public RatingOutcome rate(long cdrKey, Cdr cdr) {
            return processor.process(new RatingCandidate(cdrKey, cdr, null, null));
        }

        /** Stores the ratings of CDRs just stored, with the run's counters and totals, in the caller's transaction. */
        public void store(List<RatingOutcome> outcomes) {
            if (!outcomes.isEmpty()) {
                writer.write(new Chunk<>(outcomes));
            }
        }

        /** Completes the run; returns its summary lines, as {@code rate} writes them. */
        public List<String> finish() {
            runs.finish(runId, Instant.now());
            List<String> lines = new ArrayList<>(RatingJobConfiguration.summary(runs.find(runId), runs.totals(runId)));
            int ratingErrors = ratedCdrs.currentRatingErrors();
            if (ratingErrors > 0) {
                String line = RatingJobConfiguration.ratingErrorsLine(ratingErrors);
                log.warn(line);
                lines.add(line);
            }
            return lines;
        }
    }
}
