package com.trunkbill.scaleout;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager of a remote partitioned step prints its steps from its own job execution, whose partitions the
 * splitter created as STARTING; the workers' outcome, read back from the repository, must replace that.
 */
class RemotePartitionResultsTests {

    @Test
    void theManagersPartitionsShowWhatTheWorkersDid() {
        JobExecution job = new JobExecution(7L, new JobInstance(3L, "ratingJob"), new JobParameters());
        StepExecution manager = new StepExecution(10L, "rateCdrsStep", job);
        StepExecution mine = new StepExecution(11L, "rateCdrsStep:partition0", job);
        mine.setStatus(BatchStatus.STARTING);
        job.addStepExecutions(List.of(manager, mine));

        StepExecution theirs = new StepExecution(11L, "rateCdrsStep:partition0",
                new JobExecution(7L, new JobInstance(3L, "ratingJob"), new JobParameters()));
        theirs.setStatus(BatchStatus.COMPLETED);
        theirs.setExitStatus(ExitStatus.COMPLETED);
        theirs.setStartTime(LocalDateTime.of(2026, 12, 6, 3, 0, 0));
        theirs.setEndTime(LocalDateTime.of(2026, 12, 6, 3, 0, 42));
        theirs.setReadCount(151_876);
        theirs.setWriteCount(151_876);
        theirs.setVersion(9);
        theirs.getExecutionContext().putString(PartitionWorker.WORKER_KEY, "worker-a");

        RemotePartitionHandler.showResults(job, List.of(theirs));

        assertThat(mine.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(mine.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        assertThat(mine.getReadCount()).isEqualTo(151_876);
        assertThat(mine.getWriteCount()).isEqualTo(151_876);
        assertThat(mine.getEndTime()).isEqualTo(LocalDateTime.of(2026, 12, 6, 3, 0, 42));
        assertThat(mine.getVersion()).isEqualTo(9);
        assertThat(mine.getExecutionContext().getString(PartitionWorker.WORKER_KEY)).isEqualTo("worker-a");
        assertThat(manager.getStatus()).isEqualTo(BatchStatus.STARTING);
    }
}
