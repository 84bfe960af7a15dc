package com.trunkbill.rating;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import java.util.Collection;

/**
 * Runs the partitions of one step execution in this process, one thread per partition: Spring Batch's
 * {@link TaskExecutorPartitionHandler}, with the partition count taken from the job's {@code partitions}
 * parameter (a restart keeps the split of the first execution: Spring Batch stores it with the manager step).
 */
class LocalPartitionHandler implements PartitionHandler {

    private final Step worker;

    LocalPartitionHandler(Step worker) {
        this.worker = worker;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        int partitions = RatingJobConfiguration.partitions(manager.getJobExecution().getJobParameters());
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("rating-partition-");
        threads.setConcurrencyLimit(partitions);
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(worker);
        handler.setGridSize(partitions);
        handler.setTaskExecutor(threads);
        handler.afterPropertiesSet();
        return handler.handle(splitter, manager);
    }
}
