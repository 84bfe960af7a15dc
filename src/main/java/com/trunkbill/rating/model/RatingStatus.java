package com.trunkbill.rating.model;

/** The outcome of rating one CDR. */
public enum RatingStatus {
    /** Rated: cost and category are final until a re-rating. */
    RATED,
    /** No rate row for a billable CDR (SPEC §4.1): kept, pending, re-tried by every later {@code rate}. */
    NO_RATE,
    /**
     * The CDR could not be rated (the engine failed on it: a value out of range, an inventory that lost its
     * trunk). Set aside with the failure's message instead of failing the run; re-tried by every later
     * {@code rate}; counted under {@code malformed} in the reconciliation and listed in
     * reconciliation-detail.csv.
     */
    RATING_ERROR
}
