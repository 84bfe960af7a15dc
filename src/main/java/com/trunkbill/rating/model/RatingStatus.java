package com.trunkbill.rating.model;

/** The outcome of rating one CDR. */
public enum RatingStatus {
    /** Rated: cost and category are final until a re-rating. */
    RATED,
    /** No rate row for a billable CDR (SPEC §4.1): kept, pending, re-tried by every later {@code rate}. */
    NO_RATE
}
