package com.trunkbill.cli;

/** What a launch does when an earlier execution with the same parameters exists. */
public enum RunPolicy {
    /**
     * Every launch is a new job instance (a {@code run.id} parameter is added), except that a launch whose
     * parameters equal those of the last, FAILED or STOPPED, instance restarts it from the failed step.
     * Imports, rating and invoicing are idempotent by construction, so running them again is safe.
     */
    NEW_RUN_EACH_TIME,
    /**
     * One job instance per parameters: a failed one is restarted, a completed one is not run again
     * (the launcher says so and exits 0). Used by {@code nightly --date D}.
     */
    ONCE_PER_PARAMETERS
}
