package com.trunkbill.rating.model;

/**
 * A CDR to rate in a run, with its current rating and the run that made it (both null when the CDR was never
 * rated), so the run can tell whether its new rating changes anything and which row it supersedes.
 *
 * @param cdrKey the CDR's storage key ({@code cdr.cdr_key}), which its ratings are stored under
 */
public record RatingCandidate(long cdrKey, Cdr cdr, RatedCdr current, Long currentRunId) {

    public RatingCandidate {
        if ((current == null) != (currentRunId == null)) {
            throw new IllegalArgumentException("cdr " + cdr.cdrId() + ": a current rating needs its run id");
        }
    }
}
