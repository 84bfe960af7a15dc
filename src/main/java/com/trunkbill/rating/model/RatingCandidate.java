package com.trunkbill.rating.model;

/**
 * A CDR to rate in a run, with its current rating (null when it was never rated), so the run can tell
 * whether its new rating changes anything.
 */
public record RatingCandidate(Cdr cdr, RatedCdr current) {
}
