package com.trunkbill.scaleout;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code trunkbill.broker.*}: the JMS broker (ActiveMQ Artemis) that carries the partitions of a remote
 * partitioned step from the manager ({@code rate --broker}) to the workers ({@code trunkbill worker}).
 *
 * @param url               the broker, {@code tcp://host:61616}; unset: partitions run in the manager's process
 * @param user              broker user, if the broker requires one
 * @param password          broker password
 * @param queue             the queue of partition requests, shared by the manager and its workers
 * @param partitionTimeout  how long the manager waits for all partitions to end; then the unfinished ones are
 *                          marked FAILED and the job fails (a restart reruns them)
 * @param pollInterval      how often the manager reads the job repository for ended partitions
 */
@ConfigurationProperties("trunkbill.broker")
public record BrokerProperties(String url, String user, String password, String queue, Duration partitionTimeout,
                               Duration pollInterval) {

    public BrokerProperties {
        queue = queue == null || queue.isBlank() ? "trunkbill.partitions" : queue;
        partitionTimeout = partitionTimeout == null ? Duration.ofHours(2) : partitionTimeout;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
    }
}
