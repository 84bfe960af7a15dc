package com.trunkbill.nightly;

import com.trunkbill.batch.JobSummary;
import com.trunkbill.batch.TrunkbillExitStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;

import java.util.Optional;
import java.util.function.Function;

/**
 * One stage of the night: runs another trunkbill job with parameters derived from the night's, or skips it
 * when there are none. Like Spring Batch's JobStep (no surrounding transaction: the child commits its own
 * chunks), but a stage may be skipped. The child's parameters carry the night's date, so restarting a failed
 * night restarts the failed child execution from its failed step; a child already COMPLETED is not rerun.
 */
class ChildJobStep extends AbstractStep {

    /** Night's execution context key: set when a stage's job ended COMPLETED_WITH_UNRATED_CDRS. */
    static final String UNRATED_CDRS_KEY = "nightly.unratedCdrs";

    private static final Logger log = LoggerFactory.getLogger(ChildJobStep.class);

    private final Job child;
    private final JobOperator jobOperator;
    private final Function<JobParameters, Optional<JobParameters>> childParameters;

    ChildJobStep(String name, JobRepository jobRepository, Job child, JobOperator jobOperator,
                 Function<JobParameters, Optional<JobParameters>> childParameters) {
        super(jobRepository);
        setName(name);
        this.child = child;
        this.jobOperator = jobOperator;
        this.childParameters = childParameters;
    }

    @Override
    protected void doExecute(StepExecution stepExecution) throws Exception {
        JobExecution night = stepExecution.getJobExecution();
        Optional<JobParameters> parameters = childParameters.apply(night.getJobParameters());
        if (parameters.isEmpty()) {
            log.info("{}: nothing to do, skipped", getName());
            return;
        }
        JobExecution execution;
        try {
            execution = jobOperator.start(child, parameters.get());
        } catch (JobInstanceAlreadyCompleteException e) {
            log.info("{}: {} already completed for this night", getName(), child.getName());
            return;
        }
        JobSummary.lines(execution).forEach(line -> JobSummary.add(night, line));
        addChildCounts(stepExecution, execution);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String reason = execution.getAllFailureExceptions().stream().findFirst()
                    .map(Throwable::getMessage).orElse(execution.getExitStatus().getExitDescription());
            throw new IllegalStateException(child.getName() + " " + execution.getStatus() + ": " + reason);
        }
        if (TrunkbillExitStatus.COMPLETED_WITH_UNRATED_CDRS.equals(execution.getExitStatus().getExitCode())) {
            // the night ends with the same exit status (NightlyJobConfiguration), so the scheduler notices
            night.getExecutionContext().putString(UNRATED_CDRS_KEY, execution.getExitStatus().getExitDescription());
        }
    }

    /** The stage shows what its child job did: the counts of the child's steps, summed. */
    private static void addChildCounts(StepExecution stage, JobExecution child) {
        for (StepExecution step : child.getStepExecutions()) {
            stage.setReadCount(stage.getReadCount() + step.getReadCount());
            stage.setWriteCount(stage.getWriteCount() + step.getWriteCount());
            stage.setFilterCount(stage.getFilterCount() + step.getFilterCount());
            stage.setReadSkipCount(stage.getReadSkipCount() + step.getReadSkipCount());
            stage.setProcessSkipCount(stage.getProcessSkipCount() + step.getProcessSkipCount());
            stage.setWriteSkipCount(stage.getWriteSkipCount() + step.getWriteSkipCount());
        }
    }
}
