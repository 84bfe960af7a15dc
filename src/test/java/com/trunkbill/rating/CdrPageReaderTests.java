package com.trunkbill.rating;

import com.trunkbill.rating.RatedCdrRepository.CandidatePage;
import com.trunkbill.rating.model.AccountPartition;
import com.trunkbill.rating.model.Cdr;
import com.trunkbill.rating.model.RatingCandidate;
import com.trunkbill.rating.model.RatingScope;
import com.trunkbill.ratetable.model.Direction;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reader reads the next page ahead on its own thread: the CDRs come out in key order, each once, starting after
 * the committed position, and a failure of the page read ahead fails the step's read as it would have failed it.
 */
class CdrPageReaderTests {

    private static final RatingScope OCTOBER = new RatingScope("2026-10", null, null);

    /** Pages of two CDRs with keys 1, 2, 3, ...; the fourth page is the last (or fails). */
    static final class Pages extends RatedCdrRepository {

        final List<String> reads = new CopyOnWriteArrayList<>();
        private final RuntimeException lastPageFailure;

        Pages(RuntimeException lastPageFailure) {
            super(null);
            this.lastPageFailure = lastPageFailure;
        }

        @Override
        public CandidatePage candidates(RatingScope scope, Collection<String> accounts, Long afterKey, int limit,
                                        Set<Long> staleIngestRuns) {
            long first = afterKey == null ? 1 : afterKey + 1;
            reads.add("after " + afterKey + " on " + Thread.currentThread().getName());
            if (first == 7 && lastPageFailure != null) {
                throw lastPageFailure;
            }
            List<RatingCandidate> candidates = new ArrayList<>();
            for (long key = first; key < first + limit; key++) {
                candidates.add(new RatingCandidate(key, cdr("C-" + key), null, null));
            }
            return new CandidatePage(candidates, first + limit - 1, first == 7);
        }
    }

    /** A run over October whose partition committed up to {@code position}. */
    static final class Run extends RatingRunRepository {

        private final Long position;

        Run(Long position) {
            super(null);
            this.position = position;
        }

        @Override
        public RatingRun find(long runId) {
            return new RatingRun(runId, OCTOBER, 1L, 1L, 1L, "RUNNING", 0, 0, 0, 0);
        }

        @Override
        public Optional<Long> position(long runId, int partition) {
            return Optional.ofNullable(position);
        }
    }

    @Test
    void readsEveryCdrOnceInKeyOrderWithTheNextPageReadAhead() {
        Pages pages = new Pages(null);
        CdrPageReader reader = new CdrPageReader(pages, new Run(null), 9, AccountPartition.WHOLE, 2);
        reader.open(new ExecutionContext());

        List<Long> keys = new ArrayList<>();
        for (RatingCandidate candidate = reader.read(); candidate != null; candidate = reader.read()) {
            keys.add(candidate.cdrKey());
        }
        reader.close();

        assertThat(keys).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        // the first page on the step's thread, the others ahead on the reader's own
        assertThat(pages.reads).containsExactly("after null on " + Thread.currentThread().getName(),
                "after 2 on rating-pages-0", "after 4 on rating-pages-0", "after 6 on rating-pages-0");
    }

    @Test
    void aRestartedPartitionReadsOnFromItsCommittedPosition() {
        CdrPageReader reader = new CdrPageReader(new Pages(null), new Run(4L), 9, AccountPartition.WHOLE, 2);
        reader.open(new ExecutionContext());

        assertThat(reader.read().cdrKey()).isEqualTo(5L);
        reader.close();
    }

    @Test
    void aFailureOfThePageReadAheadFailsTheRead() {
        IllegalStateException failure = new IllegalStateException("connection lost");
        CdrPageReader reader = new CdrPageReader(new Pages(failure), new Run(null), 9, AccountPartition.WHOLE, 2);
        reader.open(new ExecutionContext());
        for (int i = 0; i < 6; i++) {
            assertThat(reader.read()).isNotNull();
        }

        assertThatThrownBy(reader::read).isSameAs(failure);
        reader.close();
    }

    private static Cdr cdr(String cdrId) {
        Instant start = Instant.parse("2026-10-05T10:00:00Z");
        return new Cdr(cdrId, "TRK-1", "ACC-1", "2026-10", Direction.OUTBOUND, "+12125550100", start, start,
                start.plusSeconds(60), 200, null);
    }
}
