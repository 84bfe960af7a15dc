package com.trunkbill.rating;

import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.rating.model.RateBook;
import com.trunkbill.rating.model.RatedCdr;
import com.trunkbill.rating.model.RatingCandidate;
import com.trunkbill.rating.model.RatingEngine;
import com.trunkbill.rating.model.RatingOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Thin: rates each CDR with the engine against the rate book and inventory loaded once for the run.
 * <p>
 * No single CDR may fail a run (issue 12): when the engine fails on a CDR, or its cost would not fit the
 * {@code rated_cdr.cost} column, the CDR gets a {@code RATING_ERROR} rating carrying the failure's message,
 * written in the chunk's transaction like any other rating (so a restart neither loses nor repeats it).
 */
public class RatingProcessor implements ItemProcessor<RatingCandidate, RatingOutcome> {

    /** {@code rated_cdr.cost} is DECIMAL(30, 10): at most 20 digits before the point. */
    static final int COST_INTEGER_DIGITS = 20;
    /** {@code rated_cdr.rating_error} is VARCHAR(1000). */
    static final int MAX_ERROR_LENGTH = 1000;

    private static final Logger log = LoggerFactory.getLogger(RatingProcessor.class);

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
        try {
            RatedCdr rating = engine.rate(cdr, rateBook, accounts.get(cdr.accountId()), trunks.get(cdr.trunkId()));
            requireStorable(rating);
            return new RatingOutcome(candidate.cdrKey(), rating, candidate.current(), candidate.currentRunId());
        } catch (RuntimeException e) {
            String error = errorMessage(cdr.cdrId(), e);
            log.warn("rating: {} (set aside as RATING_ERROR)", error);
            return new RatingOutcome(candidate.cdrKey(), RatedCdr.ratingError(cdr), candidate.current(),
                    candidate.currentRunId(), error);
        }
    }

    private static void requireStorable(RatedCdr rating) {
        BigDecimal cost = rating.cost();
        if (cost.precision() - cost.scale() > COST_INTEGER_DIGITS) {
            throw new ArithmeticException("cdr " + rating.cdrId() + ": cost " + cost.toPlainString()
                    + " has more than " + COST_INTEGER_DIGITS + " digits before the decimal point");
        }
    }

    /** The exception's message, naming the CDR (the engine's messages already do), at most 1,000 characters. */
    static String errorMessage(String cdrId, RuntimeException failure) {
        String message = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage();
        if (!message.contains(cdrId)) {
            message = "cdr " + cdrId + ": " + message + " (" + failure.getClass().getSimpleName() + ")";
        }
        message = message.replace('\n', ' ').replace('\r', ' ');
        return message.length() <= MAX_ERROR_LENGTH ? message : message.substring(0, MAX_ERROR_LENGTH - 3) + "...";
    }
}
