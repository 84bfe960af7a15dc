package com.trunkbill.rating;

import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.rating.model.RateBook;
import com.trunkbill.rating.model.RatingCandidate;
import com.trunkbill.rating.model.RatingEngine;
import com.trunkbill.rating.model.RatingOutcome;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.Map;

/** Thin: rates each CDR with the engine against the rate book and inventory loaded once for the run. */
public class RatingProcessor implements ItemProcessor<RatingCandidate, RatingOutcome> {

    private final RatingEngine engine;
    private final RateBook rateBook;
    private final Map<String, Account> accounts;
    private final Map<String, TrunkTimeline> trunks;

    public RatingProcessor(RatingEngine engine, RateBook rateBook, Map<String, Account> accounts,
                           Map<String, TrunkTimeline> trunks) {
        this.engine = engine;
        this.rateBook = rateBook;
        this.accounts = accounts;
        this.trunks = trunks;
    }

    @Override
    public RatingOutcome process(RatingCandidate candidate) {
        var cdr = candidate.cdr();
        var rating = engine.rate(cdr, rateBook, accounts.get(cdr.accountId()), trunks.get(cdr.trunkId()));
        return new RatingOutcome(rating, candidate.current(), candidate.currentRunId());
    }
}
