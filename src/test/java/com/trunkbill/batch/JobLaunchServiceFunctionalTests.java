package com.trunkbill.batch;

import com.trunkbill.cli.RunPolicy;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Launch policies against the real job repository, on both databases. */
public abstract class JobLaunchServiceFunctionalTests extends DatabaseTest {

    @Autowired
    JobLaunchService launcher;

    @Autowired
    JobRepository jobRepository;

    @Test
    void anExecutionLeftStartedByAKilledProcessIsMarkedFailedByTheNextLaunchWhateverItsJob() {
        // a night killed while its rating stage ran leaves the rating job STARTED
        JobParameters stageParameters = new JobParametersBuilder().addString("nightly.date", "2026-10-31")
                .toJobParameters();
        JobInstance instance = jobRepository.createJobInstance("ratingJob", stageParameters);
        JobExecution stale = jobRepository.createJobExecution(instance, stageParameters, new ExecutionContext());
        stale.setStatus(BatchStatus.STARTED);
        stale.setStartTime(LocalDateTime.now());
        jobRepository.update(stale);

        JobExecution report = launcher.launch("reportingJob",
                new JobParametersBuilder().addString("period", "2026-10").toJobParameters(),
                RunPolicy.NEW_RUN_EACH_TIME).execution();

        assertThat(report.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jobRepository.getJobExecution(stale.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(jobRepository.findRunningJobExecutions("ratingJob")).isEmpty();
    }

    @Autowired
    JobRunLock runLock;

    @Test
    void aSecondLaunchWhileAJobRunsIsRefusedOnBothDatabases() {
        // on H2 a second process reaches the same file through AUTO_SERVER=TRUE: a second session here
        try (JobRunLock.Held running = runLock.acquire("nightlyJob")) {
            assertThatThrownBy(() -> runLock.acquire("ratingJob"))
                    .isInstanceOf(JobRunLock.JobAlreadyRunningException.class)
                    .hasMessageStartingWith("another trunkbill job is running on this database; ratingJob not started");
        }
        runLock.acquire("ratingJob").close();
    }

    @Test
    void aCompletedRunIsFollowedByANewRunWithALargerRunId() {
        JobParameters period = new JobParametersBuilder().addString("period", "2026-10").toJobParameters();

        JobExecution first = launcher.launch("reportingJob", period, RunPolicy.NEW_RUN_EACH_TIME).execution();
        JobExecution second = launcher.launch("reportingJob", period, RunPolicy.NEW_RUN_EACH_TIME).execution();

        assertThat(second.getJobParameters().getLong("run.id")).isGreaterThan(first.getJobParameters().getLong("run.id"));
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void aRunByHandAfterANightsStageOfTheSameJobIsANewRun() {
        JobParameters period = new JobParametersBuilder().addString("period", "2026-10").toJobParameters();
        JobExecution byHand = launcher.launch("reportingJob", period, RunPolicy.NEW_RUN_EACH_TIME).execution();
        // a night's stage: the same job without run.id becomes the job's last instance
        JobParameters stage = new JobParametersBuilder(period).addString("nightly.date", "2026-10-31")
                .toJobParameters();
        JobInstance nightStage = jobRepository.createJobInstance("reportingJob", stage);
        JobExecution stageExecution = jobRepository.createJobExecution(nightStage, stage, new ExecutionContext());
        stageExecution.setStatus(BatchStatus.COMPLETED);
        stageExecution.setStartTime(LocalDateTime.now());
        stageExecution.setEndTime(LocalDateTime.now());
        jobRepository.update(stageExecution);

        JobExecution again = launcher.launch("reportingJob", period, RunPolicy.NEW_RUN_EACH_TIME).execution();

        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(again.getJobParameters().getLong("run.id")).isGreaterThan(byHand.getJobParameters().getLong("run.id"));
    }
}

@OnH2
class JobLaunchServiceH2FunctionalTests extends JobLaunchServiceFunctionalTests {
}

@OnPostgres
class JobLaunchServicePostgresFunctionalTests extends JobLaunchServiceFunctionalTests {
}
