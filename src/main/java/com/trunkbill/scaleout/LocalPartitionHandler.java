package com.trunkbill.scaleout;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import javax.sql.DataSource;
import java.sql.SQLException;
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
    private static final Logger log = LoggerFactory.getLogger(LocalPartitionHandler.class);

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
        ensureConnections(partitions + 2);
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor(worker.getName() + "-");
        threads.setConcurrencyLimit(partitions);
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(new LocalStep(worker));
        handler.setGridSize(partitions);
        handler.setTaskExecutor(threads);
        handler.afterPropertiesSet();
        return handler.handle(splitter, manager);
    }

    /**
     * Each partition holds a connection for its chunk's transaction, beside the job's run lock and the job
     * repository: a smaller pool would leave partitions waiting for a connection until they time out. Hikari's
     * pool size can grow at run time.
     */
    private void ensureConnections(int needed) throws SQLException {
        if (!dataSource.isWrapperFor(HikariDataSource.class)) {
            return;
        }
        HikariConfigMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariConfigMXBean();
        if (pool.getMaximumPoolSize() < needed) {
            log.info("{}: {} partitions need {} database connections; the pool grows from {}",
                    worker.getName(), needed - 2, needed, pool.getMaximumPoolSize());
            pool.setMaximumPoolSize(needed);
        }
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
