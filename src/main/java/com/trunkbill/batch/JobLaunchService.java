package com.trunkbill.batch;

import com.trunkbill.cli.RunPolicy;
import com.trunkbill.db.DatabaseBackups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts, restarts or declines a job launch according to its {@link RunPolicy}, one job at a time
 * ({@link JobRunLock}). Executions left STARTED by a killed process are marked failed so they can be
 * restarted: holding the run lock proves nobody else runs them.
 */
@Service
public class JobLaunchService {

    static final String RUN_ID = "run.id";
    private static final Logger log = LoggerFactory.getLogger(JobLaunchService.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Map<String, Job> jobs;
    private final JobRunLock runLock;
    private final DatabaseBackups backups;
    private final Clock clock = Clock.systemUTC();

    public JobLaunchService(JobOperator jobOperator, JobRepository jobRepository, Map<String, Job> jobs,
                            JobRunLock runLock, DatabaseBackups backups) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.runLock = runLock;
        this.backups = backups;
    }

    /** The outcome of a launch: the execution that ran (or had already completed). */
    public record Launch(JobExecution execution, boolean alreadyCompleted, boolean restarted) {
    }

    public Launch launch(String jobName, JobParameters parameters, RunPolicy policy) {
        Job job = jobs.get(jobName);
        if (job == null) {
            throw new IllegalArgumentException("no job named " + jobName);
        }
        try (JobRunLock.Held ignored = runLock.acquire(jobName)) {
            recoverAbandonedExecutions();
            backups.beforeLaunch(jobName, parameters);
            return policy == RunPolicy.ONCE_PER_PARAMETERS
                    ? launchOnce(job, parameters)
                    : launchNewRun(job, parameters);
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(jobName + ": " + e.getMessage(), e);
        }
    }

    private Launch launchOnce(Job job, JobParameters parameters) throws Exception {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
        if (last == null) {
            return new Launch(jobOperator.start(job, parameters), false, false);
        }
        if (last.getStatus() == BatchStatus.COMPLETED) {
            return new Launch(last, true, false);
        }
        // same identifying parameters; the non-identifying ones (the night's folders) are taken as given now
        return restart(job, last, parameters);
    }

    private Launch launchNewRun(Job job, JobParameters parameters) throws Exception {
        JobInstance lastInstance = jobRepository.getLastJobInstance(job.getName());
        // The last instance may be a night's stage (no run.id), so the next id cannot come from it alone: the
        // launch instant in milliseconds is larger than any earlier launch's id, and never smaller than last + 1.
        long nextRunId = clock.millis();
        if (lastInstance != null) {
            JobExecution last = jobRepository.getLastJobExecution(lastInstance);
            if (last != null) {
                JobParameters lastParameters = last.getJobParameters();
                Long lastRunId = lastParameters.getLong(RUN_ID);
                nextRunId = Math.max(nextRunId, (lastRunId == null ? 0 : lastRunId) + 1);
                boolean failed = last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED;
                if (failed && withoutRunId(lastParameters).equals(withoutRunId(parameters))) {
                    return restart(job, last, lastParameters);
                }
            }
        }
        JobParameters withRunId = new JobParametersBuilder(parameters).addLong(RUN_ID, nextRunId).toJobParameters();
        return new Launch(jobOperator.start(job, withRunId), false, false);
    }

    /**
     * Starting a job instance whose last execution FAILED or STOPPED, with the same parameters, restarts it from
     * its failed step (JobOperator.restart(execution) would need a job registry that the CLI does not keep).
     */
    private Launch restart(Job job, JobExecution failed, JobParameters parameters) throws Exception {
        log.info("{}: restarting failed execution {} from its failed step", job.getName(), failed.getId());
        return new Launch(jobOperator.start(job, parameters), false, true);
    }

    private static Map<String, Object> withoutRunId(JobParameters parameters) {
        return parameters.parameters().stream()
                .filter(parameter -> !parameter.name().equals(RUN_ID))
                .collect(Collectors.toMap(JobParameter::name, JobParameter::value, (a, b) -> a));
    }

    /**
     * Every job, not only the one launched: a night killed while one of its stages ran leaves that stage's job
     * STARTED too, and restarting the night restarts that job.
     */
    private void recoverAbandonedExecutions() {
        for (String jobName : jobRepository.getJobNames()) {
            for (JobExecution stale : jobRepository.findRunningJobExecutions(jobName)) {
                log.warn("{}: execution {} was left {} by a process that is gone; marking it FAILED so it can "
                        + "restart", jobName, stale.getId(), stale.getStatus());
                jobOperator.recover(stale);
            }
        }
    }
}
