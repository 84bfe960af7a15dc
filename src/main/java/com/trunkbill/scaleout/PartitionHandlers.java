package com.trunkbill.scaleout;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.function.ToIntFunction;

/**
 * Where the partitions of a partitioned step run: with a broker configured ({@code trunkbill.broker.url}, the
 * {@code --broker} option) they are sent over it to the {@code trunkbill worker} processes
 * ({@link RemotePartitionHandler}); without one they run in this process, one thread per partition
 * ({@link LocalPartitionHandler}). A job's configuration asks for the handler of its worker step and says how
 * many partitions a launch wants; it does not know which of the two it gets.
 */
@Component
public class PartitionHandlers {

    private final DataSource dataSource;
    private final ObjectProvider<RemotePartitioning> remote;

    public PartitionHandlers(DataSource dataSource, ObjectProvider<RemotePartitioning> remote) {
        this.dataSource = dataSource;
        this.remote = remote;
    }

    /**
     * The handler that runs {@code worker}'s partitions.
     *
     * @param gridSize the number of partitions of a launch, from its job parameters (a restart keeps the split of
     *                 the first execution whatever it says)
     */
    public PartitionHandler forStep(Step worker, ToIntFunction<JobParameters> gridSize) {
        RemotePartitioning broker = remote.getIfAvailable();
        return broker == null ? new LocalPartitionHandler(worker, gridSize, dataSource)
                : broker.handler(worker.getName(), gridSize);
    }
}
