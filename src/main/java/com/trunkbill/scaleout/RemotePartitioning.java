package com.trunkbill.scaleout;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.MessageChannel;

import javax.sql.DataSource;
import java.util.function.ToIntFunction;

/**
 * The manager's side of remote partitioning, present when a broker is configured: makes the
 * {@link RemotePartitionHandler} of a worker step, sending to the broker's partition queue.
 */
public class RemotePartitioning {

    private final MessageChannel partitionRequests;
    private final JobRepository jobRepository;
    private final DataSource dataSource;
    private final BrokerProperties properties;

    RemotePartitioning(MessageChannel partitionRequests, JobRepository jobRepository, DataSource dataSource,
                       BrokerProperties properties) {
        this.partitionRequests = partitionRequests;
        this.jobRepository = jobRepository;
        this.dataSource = dataSource;
        this.properties = properties;
    }

    PartitionHandler handler(String workerStepName, ToIntFunction<JobParameters> gridSize) {
        MessagingTemplate template = new MessagingTemplate(partitionRequests);
        return new RemotePartitionHandler(workerStepName, gridSize, template, jobRepository, dataSource, properties);
    }
}
