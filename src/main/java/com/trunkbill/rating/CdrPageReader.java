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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the CDRs of one partition of a rating run's scope in keyset pages ({@code cdr_key > last order by cdr_key
 * limit n}). It starts after the partition's committed position ({@code rating_run_partition.last_cdr_key},
 * moved by the writer in each chunk's transaction), so a restarted partition resumes exactly after its last
 * committed CDR: none is rated twice, none is skipped, whether its rating changed (a row was written) or not.
 * A run without a period also takes the CDRs rated at ingest with reference data that is no longer current
 * ({@link RatingRunRepository#staleIngestRuns}).
 * <p>
 * While the step rates and writes one page, the next one is read on a thread of the reader's own, on a connection
 * of its own: a re-rating is bound by the JVM, and reading and mapping a page is a large part of its work, which
 * the second core now does. The page read ahead lies after every CDR handed out so far, which no chunk of this
 * partition writes, and the other partitions write other accounts, so reading it outside the chunk's transaction
 * sees what reading it inside would. Only the reader's place in the scan moves ahead; the committed position stays
 * the writer's.
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
    private ExecutorService readAhead;
    /** The page after {@link #lastFetched}, being read; null when none is. */
    private Future<RatedCdrRepository.CandidatePage> next;

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
        close();
        RatingRunRepository.RatingRun run = runs.find(runId);
        scope = run.scope();
        // the partition's accounts are found again on a restart: the hash puts each account in the same one
        accounts = partition.isWhole() ? null
                : ratedCdrs.accounts(scope).stream().filter(partition::contains).toList();
        staleIngestRuns = scope.isReRating() ? Set.of() : runs.staleIngestRuns(runId);
        lastFetched = runs.position(runId, partition.index()).orElse(null);
        page.clear();
        exhausted = false;
        readAhead = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rating-pages-" + partition.index());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public RatingCandidate read() {
        // a page may hold no candidate (a run without --period skips rated CDRs): go on to the next one
        while (page.isEmpty() && !exhausted) {
            RatedCdrRepository.CandidatePage fetched = next == null ? fetch(lastFetched) : await(next);
            next = fetched.last() ? null : readAhead.submit(() -> fetch(fetched.lastScannedKey()));
            page.addAll(fetched.candidates());
            exhausted = fetched.last();
            lastFetched = fetched.lastScannedKey();
        }
        return page.poll();
    }

    /** Stops reading ahead; the page being read, if any, is dropped. */
    @Override
    public void close() {
        if (next != null) {
            next.cancel(true);
            next = null;
        }
        if (readAhead != null) {
            readAhead.shutdownNow();
            readAhead = null;
        }
    }

    private RatedCdrRepository.CandidatePage fetch(Long after) {
        return ratedCdrs.candidates(scope, accounts, after, pageSize, staleIngestRuns);
    }

    /** The page read ahead, or what stopped its reading, as the step's own read would have thrown it. */
    private static RatedCdrRepository.CandidatePage await(Future<RatedCdrRepository.CandidatePage> page) {
        try {
            return page.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("reading the next page of CDRs failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the next page of CDRs", e);
        }
    }
}
