package com.trunkbill.scaleout;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code trunkbill.worker.*}: a {@code trunkbill worker} process.
 *
 * @param name          the name its step executions carry ({@code trunkbill.worker} in their execution
 *                      context); default {@code host:pid}
 * @param concurrency   how many partitions it runs at a time (default 1)
 * @param shutdownGrace on SIGTERM, how long it lets its current partition finish before stopping it (STOPPED,
 *                      rerun by a restart of the job)
 */
@ConfigurationProperties("trunkbill.worker")
public record WorkerProperties(String name, Integer concurrency, Duration shutdownGrace) {

    public WorkerProperties {
        name = name == null || name.isBlank() ? defaultName() : name;
        concurrency = concurrency == null ? 1 : concurrency;
        shutdownGrace = shutdownGrace == null ? Duration.ofMinutes(5) : shutdownGrace;
    }

    static String defaultName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }
}
