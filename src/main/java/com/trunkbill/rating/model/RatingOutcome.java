package com.trunkbill.rating.model;

import java.util.Objects;

/**
 * A CDR's new rating next to the one it would supersede (and that rating's run). Unchanged ratings are not
 * stored again: running the same re-rating twice changes nothing the second time (SPEC §4.6).
 *
 * @param cdrKey the CDR's storage key ({@code cdr.cdr_key}): the new rating is stored under it, and the previous
 *               one is found by it and {@code previousRunId}
 * @param error  why the CDR could not be rated, for a {@link RatingStatus#RATING_ERROR} rating; else null
 */
public record RatingOutcome(long cdrKey, RatedCdr rating, RatedCdr previous, Long previousRunId, String error) {

    public RatingOutcome {
        Objects.requireNonNull(rating, "rating");
    }

    public RatingOutcome(long cdrKey, RatedCdr rating, RatedCdr previous, Long previousRunId) {
        this(cdrKey, rating, previous, previousRunId, null);
    }

    public boolean changed() {
        return !rating.sameRatingAs(previous);
    }
}
