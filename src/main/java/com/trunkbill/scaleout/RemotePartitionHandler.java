package com.trunkbill.scaleout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.integration.core.MessagingTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;

/**
 * Sends the partitions of one manager step execution to the workers over the broker and waits for them by
 * reading the shared job repository: Spring Batch's {@link MessageChannelPartitionHandler}, with the partition
 * count of the launch. When the requests cannot be sent (no broker) or the partitions have not all ended within
 * {@code trunkbill.broker.partition-timeout}, the partitions still waiting or running are marked FAILED, so the job
 * fails instead of hanging and a restart with the same parameters reruns exactly those (Spring Batch refuses to
 * restart a partition left STARTED). A worker still running one of them then fails on its next commit: the
 * repository's version check refuses its stale step execution.
 */
final class RemotePartitionHandler implements PartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

    private final String workerStepName;
    private final ToIntFunction<JobParameters> gridSize;
    private final MessagingTemplate requests;
    private final JobRepository jobRepository;
    private final DataSource dataSource;
    private final BrokerProperties properties;

    RemotePartitionHandler(String workerStepName, ToIntFunction<JobParameters> gridSize, MessagingTemplate requests,
                           JobRepository jobRepository, DataSource dataSource, BrokerProperties properties) {
        this.workerStepName = workerStepName;
        this.gridSize = gridSize;
        this.requests = requests;
        this.jobRepository = jobRepository;
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        requireSharedDatabase();
        int partitions = gridSize.applyAsInt(manager.getJobExecution().getJobParameters());
        MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
        handler.setStepName(workerStepName);
        handler.setGridSize(partitions);
        handler.setMessagingOperations(requests);
        handler.setJobRepository(jobRepository);
        handler.setPollInterval(properties.pollInterval().toMillis());
        handler.setTimeout(properties.partitionTimeout().toMillis());
        handler.afterPropertiesSet();
        log.info("{}: sending {} partitions to the workers through {} (queue {}); waiting at most {}",
                manager.getStepName(), partitions, properties.url(), properties.queue(), properties.partitionTimeout());
        try {
            Collection<StepExecution> results = handler.handle(splitter, manager);
            showResults(manager.getJobExecution(), results);
            return results;
        } catch (TimeoutException e) {
            String reason = "not ended by a worker within trunkbill.broker.partition-timeout "
                    + properties.partitionTimeout();
            // no cause: the launcher prints the innermost message, which must be this one
            throw new IllegalStateException(manager.getStepName() + ": " + failUnfinished(manager, reason)
                    + " partitions " + reason);
        } catch (RuntimeException e) {
            failUnfinished(manager, "not sent to the workers: " + e.getMessage());
            log.warn("{}: sending the partitions failed", manager.getStepName(), e);
            throw new IllegalStateException(manager.getStepName() + ": cannot send the partitions to the broker "
                    + properties.url() + ": " + rootMessage(e));
        }
    }

    /**
     * The manager's job execution still holds its partitions as the splitter created them (STARTING): the workers
     * ran copies read from the repository, and the handler returns those. Their outcome is copied onto the
     * manager's own objects, so that what the command prints of its steps is what the workers did.
     */
    static void showResults(JobExecution job, Collection<StepExecution> results) {
        Map<Long, StepExecution> byId = new HashMap<>();
        results.forEach(result -> byId.put(result.getId(), result));
        for (StepExecution mine : job.getStepExecutions()) {
            StepExecution result = byId.get(mine.getId());
            if (result == null || result == mine) {
                continue;
            }
            mine.setStatus(result.getStatus());
            mine.setExitStatus(result.getExitStatus());
            mine.setStartTime(result.getStartTime());
            mine.setEndTime(result.getEndTime());
            mine.setLastUpdated(result.getLastUpdated());
            mine.setReadCount(result.getReadCount());
            mine.setWriteCount(result.getWriteCount());
            mine.setFilterCount(result.getFilterCount());
            mine.setReadSkipCount(result.getReadSkipCount());
            mine.setWriteSkipCount(result.getWriteSkipCount());
            mine.setProcessSkipCount(result.getProcessSkipCount());
            mine.setCommitCount(result.getCommitCount());
            mine.setRollbackCount(result.getRollbackCount());
            mine.setExecutionContext(result.getExecutionContext());
            mine.setVersion(result.getVersion());
        }
    }

    /** Marks the partitions of this manager's job execution that have not ended FAILED; returns how many. */
    private int failUnfinished(StepExecution manager, String reason) {
        int failed = 0;
        String prefix = manager.getStepName() + ":";
        for (StepExecution partition : jobRepository.getJobExecution(manager.getJobExecutionId()).getStepExecutions()) {
            if (partition.getStepName().startsWith(prefix) && partition.getStatus().isRunning()) {
                partition.setStatus(BatchStatus.FAILED);
                partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
                partition.setEndTime(LocalDateTime.now());
                try {
                    jobRepository.update(partition);
                    failed++;
                } catch (RuntimeException e) {
                    // a worker updated it meanwhile (it ended after all): it keeps the worker's status
                    log.warn("{}: not marked FAILED, a worker updated it: {}", partition.getStepName(), e.getMessage());
                }
            }
        }
        log.warn("{}: {} partitions marked FAILED, {}", manager.getStepName(), failed, reason);
        return failed;
    }

    /** Remote partitions read and write the manager's database: one process's H2 file cannot be shared so. */
    private void requireSharedDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!"PostgreSQL".equals(product)) {
                throw new IllegalStateException(ScaleOutOptions.H2_REFUSED + " (this database is " + product + ")");
            }
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
