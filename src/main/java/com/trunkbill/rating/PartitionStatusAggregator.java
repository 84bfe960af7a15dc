package com.trunkbill.rating;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.step.StepExecution;

import java.util.Collection;

/**
 * Gives the manager step the worst status of its partitions but none of their counts: the partitions' step
 * executions keep them, so the sums over a job's step executions (the launcher's table, {@code history}, the
 * nightly stages) count every CDR once.
 */
class PartitionStatusAggregator implements StepExecutionAggregator {

    @Override
    public void aggregate(StepExecution manager, Collection<StepExecution> partitions) {
        for (StepExecution partition : partitions) {
            manager.setStatus(BatchStatus.max(manager.getStatus(), partition.getStatus()));
            manager.setExitStatus(manager.getExitStatus().and(partition.getExitStatus()));
        }
    }
}
