package com.trunkbill.scaleout;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import javax.sql.DataSource;
import java.util.Collection;
import java.util.function.ToIntFunction;

/**
 * Runs the partitions of one step execution in this process, one thread per partition: Spring Batch's
 * {@link TaskExecutorPartitionHandler}, with the partition count taken from the job's parameters (a restart keeps
 * the split of the first execution: Spring Batch stores it with the manager step), and a connection pool large
 * enough for them. Each partition's execution context names its worker {@value #LOCAL} ({@code history} shows it).
 */
final class LocalPartitionHandler implements PartitionHandler {

    /** The worker name of a partition run on a thread of the launching process. */
    static final String LOCAL = "local";

    private final Step worker;
    private final ToIntFunction<JobParameters> gridSize;
    private final DataSource dataSource;

    LocalPartitionHandler(Step worker, ToIntFunction<JobParameters> gridSize, DataSource dataSource) {
        this.worker = worker;
        this.gridSize = gridSize;
        this.dataSource = dataSource;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        int partitions = gridSize.applyAsInt(manager.getJobExecution().getJobParameters());
        PartitionConnections.ensure(dataSource, partitions, worker.getName());
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor(worker.getName() + "-");
        threads.setConcurrencyLimit(partitions);
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(new LocalStep(worker));
        handler.setGridSize(partitions);
        handler.setTaskExecutor(threads);
        handler.afterPropertiesSet();
        return handler.handle(splitter, manager);
    }

    /** The worker step, naming this process as the partition's worker. */
    private record LocalStep(Step step) implements Step {

        @Override
        public String getName() {
            return step.getName();
        }

        @Override
        public void execute(StepExecution partition) throws JobInterruptedException {
            partition.getExecutionContext().putString(PartitionWorker.WORKER_KEY, LOCAL);
            step.execute(partition);
        }
    }
}
