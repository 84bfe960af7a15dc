package com.trunkbill.rating;

import com.trunkbill.rating.RatingRunRepository.ChunkProgress;
import com.trunkbill.rating.RatingRunRepository.CurrencyTotal;
import com.trunkbill.rating.model.RatedCdr;
import com.trunkbill.rating.model.RatingOutcome;
import com.trunkbill.rating.model.RatingStatus;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one chunk of ratings in the chunk's transaction: the changed ones superseding their current rows,
 * then the run's counters and totals and its partition's keyset position (the last CDR of the chunk).
 * Unchanged ratings write no row but count as rated and move the position. A RATING_ERROR rating is stored
 * with its message.
 */
public class RatedCdrWriter implements ItemWriter<RatingOutcome> {

    private final RatedCdrRepository ratedCdrs;
    private final RatingRunRepository runs;
    private final long runId;
    private final int partition;

    public RatedCdrWriter(RatedCdrRepository ratedCdrs, RatingRunRepository runs, long runId, int partition) {
        this.ratedCdrs = ratedCdrs;
        this.runs = runs;
        this.runId = runId;
        this.partition = partition;
    }

    @Override
    public void write(Chunk<? extends RatingOutcome> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        List<RatingOutcome> changed = new ArrayList<>();
        List<RatedCdrRepository.RatingKey> superseded = new ArrayList<>();
        long noRate = 0;
        long anomalous = 0;
        Map<String, CurrencyTotal> totals = new TreeMap<>();
        for (RatingOutcome outcome : chunk) {
            RatedCdr rating = outcome.rating();
            if (rating.status() == RatingStatus.NO_RATE) {
                noRate++;
            }
            if (rating.isAnomalous()) {
                anomalous++;
            }
            add(totals, rating.currency(), rating.cost(), BigDecimal.ZERO);
            if (outcome.changed()) {
                changed.add(outcome);
                add(totals, rating.currency(), BigDecimal.ZERO, rating.cost());
                if (outcome.previous() != null) {
                    superseded.add(new RatedCdrRepository.RatingKey(outcome.cdrKey(), outcome.previousRunId()));
                    add(totals, outcome.previous().currency(), BigDecimal.ZERO, outcome.previous().cost().negate());
                }
            }
        }
        ratedCdrs.supersede(runId, superseded, changed);
        long lastCdrKey = chunk.getItems().get(chunk.size() - 1).cdrKey();
        runs.recordChunk(runId, partition, new ChunkProgress(lastCdrKey, chunk.size(), changed.size(), noRate,
                anomalous, totals));
    }

    private static void add(Map<String, CurrencyTotal> totals, String currency, BigDecimal cost, BigDecimal delta) {
        if (currency == null) {
            return; // no rate row: the cost is 0 and has no currency
        }
        totals.merge(currency, new CurrencyTotal(currency, cost, delta), (a, b) ->
                new CurrencyTotal(currency, a.cost().add(b.cost()), a.costDelta().add(b.costDelta())));
    }
}
