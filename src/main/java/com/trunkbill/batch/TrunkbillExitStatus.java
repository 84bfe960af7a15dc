package com.trunkbill.batch;

/**
 * Job exit codes of trunkbill's own beyond Spring Batch's ({@code COMPLETED}, {@code FAILED}, ...), and the process
 * exit status the command line maps them to.
 */
public final class TrunkbillExitStatus {

    /**
     * The invoicing job completed, but its period has accepted CDRs that are neither rated nor rejected (never
     * rated, or set aside as RATING_ERROR): the drafts lack their usage. The command line exits
     * {@value #UNRATED_CDRS_EXIT_CODE}.
     */
    public static final String COMPLETED_WITH_UNRATED_CDRS = "COMPLETED_WITH_UNRATED_CDRS";

    /** Process exit status of a run that ended {@link #COMPLETED_WITH_UNRATED_CDRS}. */
    public static final int UNRATED_CDRS_EXIT_CODE = 3;

    private TrunkbillExitStatus() {
    }
}
