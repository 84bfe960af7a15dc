package com.trunkbill.rating;

import com.trunkbill.rating.model.AccountPartition;
import com.trunkbill.rating.model.RatingCandidate;
import com.trunkbill.rating.model.RatingScope;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Reads the CDRs of one partition of a rating run's scope in keyset pages ({@code cdr_key > last order by cdr_key
 * limit n}). It starts after the partition's committed position ({@code rating_run_partition.last_cdr_key},
 * moved by the writer in each chunk's transaction), so a restarted partition resumes exactly after its last
 * committed CDR: none is rated twice, none is skipped, whether its rating changed (a row was written) or not.
 * A run without a period also takes the CDRs rated at ingest with reference data that is no longer current
 * ({@link RatingRunRepository#staleIngestRuns}).
 */
public class CdrPageReader implements ItemStreamReader<RatingCandidate> {

    private final RatedCdrRepository ratedCdrs;
    private final RatingRunRepository runs;
    private final long runId;
    private final AccountPartition partition;
    private final int pageSize;
    private final Deque<RatingCandidate> page = new ArrayDeque<>();
    private RatingScope scope;
    private List<String> accounts;
    private Set<Long> staleIngestRuns;
    private Long lastFetched;
    private boolean exhausted;

    public CdrPageReader(RatedCdrRepository ratedCdrs, RatingRunRepository runs, long runId,
                         AccountPartition partition, int pageSize) {
        this.ratedCdrs = ratedCdrs;
        this.runs = runs;
        this.runId = runId;
        this.partition = partition;
        this.pageSize = pageSize;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        RatingRunRepository.RatingRun run = runs.find(runId);
        scope = run.scope();
        // the partition's accounts are found again on a restart: the hash puts each account in the same one
        accounts = partition.isWhole() ? null
                : ratedCdrs.accounts(scope).stream().filter(partition::contains).toList();
        staleIngestRuns = scope.isReRating() ? Set.of() : runs.staleIngestRuns(runId);
        lastFetched = runs.position(runId, partition.index()).orElse(null);
        page.clear();
        exhausted = false;
    }

    @Override
    public RatingCandidate read() {
        // a page may hold no candidate (a run without --period skips rated CDRs): go on to the next one
        while (page.isEmpty() && !exhausted) {
            RatedCdrRepository.CandidatePage next = ratedCdrs.candidates(scope, accounts, lastFetched,
                    pageSize, staleIngestRuns);
            page.addAll(next.candidates());
            exhausted = next.last();
            lastFetched = next.lastScannedKey();
        }
        return page.poll();
    }
}
