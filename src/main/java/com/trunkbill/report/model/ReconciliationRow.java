package com.trunkbill.report.model;

import java.util.List;
import java.util.Objects;

/**
 * One row of {@code reconciliation.csv} (SPEC §7, §8): what became of every row read from one CDR file.
 * Import-time outcomes come from the file's counters, rating outcomes from the current rating of its CDRs.
 *
 * @param rated        CDRs whose current rating is RATED
 * @param anomalies    of those, CDRs with at least one anomaly (a CDR with several counts once)
 * @param noRate       CDRs whose current rating is NO_RATE (pending: re-tried by every later {@code rate})
 * @param malformed    rows rejected as malformed at import, plus the CDRs set aside as RATING_ERROR
 * @param notYetRated  CDRs accepted by the import that have no rating yet; they break the identity until
 *                     {@code rate} runs
 * @param ratingErrors of {@code malformed}, the accepted CDRs whose current rating is RATING_ERROR (rating
 *                     failed on them; re-tried by every later {@code rate})
 */
public record ReconciliationRow(String file, long read, long rated, long duplicates, long anomalies, long noRate,
                                long unknownTrunk, long accountMismatch, long noTrunk, long duplicateConflict,
                                long malformed, long notYetRated, long ratingErrors) {

    public static final String TOTAL = "TOTAL";

    public ReconciliationRow {
        Objects.requireNonNull(file, "file");
    }

    /** A row without RATING_ERROR CDRs. */
    public ReconciliationRow(String file, long read, long rated, long duplicates, long anomalies, long noRate,
                             long unknownTrunk, long accountMismatch, long noTrunk, long duplicateConflict,
                             long malformed, long notYetRated) {
        this(file, read, rated, duplicates, anomalies, noRate, unknownTrunk, accountMismatch, noTrunk,
                duplicateConflict, malformed, notYetRated, 0);
    }

    /** CDRs accepted at import: rated, pending NO_RATE, set aside as RATING_ERROR, or not yet rated. */
    public long accepted() {
        return rated + noRate + ratingErrors + notYetRated;
    }

    /** SPEC §7: rejected = no_rate + unknown_trunk + account_mismatch + no_trunk + duplicate_conflict + malformed. */
    public long rejected() {
        return noRate + unknownTrunk + accountMismatch + noTrunk + duplicateConflict + malformed;
    }

    /** SPEC §7, §8: read = rated + rejected + duplicates. */
    public boolean identityHolds() {
        return read == rated + rejected() + duplicates;
    }

    /** The {@code TOTAL} row: the sum of every column. */
    public static ReconciliationRow total(List<ReconciliationRow> rows) {
        long[] sums = new long[12];
        for (ReconciliationRow row : rows) {
            long[] values = {row.read, row.rated, row.duplicates, row.anomalies, row.noRate, row.unknownTrunk,
                    row.accountMismatch, row.noTrunk, row.duplicateConflict, row.malformed, row.notYetRated,
                    row.ratingErrors};
            for (int i = 0; i < values.length; i++) {
                sums[i] += values[i];
            }
        }
        return new ReconciliationRow(TOTAL, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7],
                sums[8], sums[9], sums[10], sums[11]);
    }
}
