package com.trunkbill.scaleout;

import com.trunkbill.cli.OptionSpec;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.ToolCommand;
import com.trunkbill.cli.UsageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import sun.misc.Signal;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code trunkbill worker --broker URL --db jdbc:postgresql://...}: a long-running process that takes partitions
 * of remote partitioned steps ({@code rate} or {@code import-cdrs --partitions K --broker URL}) from the broker and runs them against
 * the shared database, until SIGTERM or SIGINT: then it takes no new partition, lets the current one finish
 * (stopping it after {@code trunkbill.worker.shutdown-grace}) and exits 0.
 */
public final class WorkerCommand implements ToolCommand {

    private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

    @Override
    public String name() {
        return "worker";
    }

    @Override
    public String description() {
        return "run partitions sent by rate or import-cdrs --broker, until stopped (SIGTERM: finishes its current partition)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                new OptionSpec(ScaleOutOptions.BROKER, "URL", "the broker the manager sends partitions to, "
                        + "tcp://host:61616", true, "trunkbill.broker.url"),
                OptionSpec.optional("name", "NAME", "this worker's name in the step executions it runs "
                        + "(default host:pid)").mapsTo("trunkbill.worker.name"));
    }

    @Override
    public boolean needsDatabase() {
        return true;
    }

    @Override
    public boolean lazyContext() {
        return false;
    }

    @Override
    public void validate(ParsedOptions options) {
        if (!ScaleOutOptions.checkBroker(options)) {
            throw new UsageException("--broker URL is required");
        }
    }

    @Override
    public int run(ParsedOptions options, ApplicationContext context, PrintStream out) {
        PartitionWorker worker = context.getBean(PartitionWorker.class);
        BrokerProperties broker = context.getBean(BrokerProperties.class);
        WorkerProperties settings = context.getBean(WorkerProperties.class);
        try {
            PartitionConnections.ensure(context.getBean(DataSource.class), settings.concurrency(),
                    "worker " + worker.name());
        } catch (SQLException e) {
            throw new IllegalStateException("worker " + worker.name() + ": cannot size the connection pool: "
                    + e.getMessage(), e);
        }
        Lifecycle inbound = context.getBean(BrokerConfiguration.WORKER_INBOUND, Lifecycle.class);
        CountDownLatch stopRequested = new CountDownLatch(1);
        // instead of the JVM's shutdown on SIGTERM (exit 143, beans closed under a running partition)
        for (String signal : List.of("TERM", "INT")) {
            Signal.handle(new Signal(signal), received -> stopRequested.countDown());
        }
        inbound.start();
        log.info("worker {}: taking partitions from queue {} on {}, {} at a time", worker.name(), broker.queue(),
                broker.url(), settings.concurrency());
        try {
            stopRequested.await();
            log.info("worker {}: stop requested: taking no new partition; a running one has {} to finish",
                    worker.name(), settings.shutdownGrace());
            inbound.stop();
            worker.finishOrStop(settings.shutdownGrace());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inbound.stop();
        }
        log.info("worker {}: stopped", worker.name());
        return 0;
    }
}
