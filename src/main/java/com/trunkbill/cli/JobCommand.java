package com.trunkbill.cli;

import org.springframework.batch.core.job.parameters.JobParameters;

/** A subcommand that runs one Spring Batch job (SPEC §2). */
public non-sealed interface JobCommand extends Command {

    /** The bean name of the job, e.g. {@code ratingJob}. */
    String jobName();

    /** Validates the options (throwing {@link UsageException}) and turns them into the job's parameters. */
    JobParameters jobParameters(ParsedOptions options);

    /** How repeated launches with the same parameters behave. */
    default RunPolicy runPolicy() {
        return RunPolicy.NEW_RUN_EACH_TIME;
    }
}
