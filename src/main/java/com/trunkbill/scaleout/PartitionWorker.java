package com.trunkbill.scaleout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A worker's side of remote partitioning: runs the partition named by each {@link StepExecutionRequest} from the
 * broker with Spring Batch's {@link StepExecutionRequestHandler}, after checking that it is still wanted (a
 * request delivered again after its job failed or after another worker ended it is skipped), and writes this
 * worker's name into the partition's execution context ({@value #WORKER_KEY}), so the job repository says who
 * rated what. It never throws: a failing partition is FAILED in the repository, which the manager reads.
 */
public class PartitionWorker {

    /** The execution-context key naming the worker that ran a partition. */
    public static final String WORKER_KEY = "trunkbill.worker";

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final JobRepository jobRepository;
    private final StepLocator steps;
    private final String name;
    private final Set<StepExecution> running = ConcurrentHashMap.newKeySet();

    public PartitionWorker(JobRepository jobRepository, StepLocator steps, String name) {
        this.jobRepository = jobRepository;
        this.steps = steps;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Runs the requested partition; returns its step execution, or null when it was skipped. */
    public StepExecution handle(StepExecutionRequest request) {
        try {
            StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
            if (partition == null) {
                log.warn("worker {}: skipping {}: no such step execution", name, request);
                return null;
            }
            if (!partition.getStatus().isRunning() || !partition.getJobExecution().getStatus().isRunning()) {
                log.info("worker {}: skipping {} (step execution {}): it is {} and its job execution {} is {}", name,
                        partition.getStepName(), partition.getId(), partition.getStatus(),
                        partition.getJobExecutionId(), partition.getJobExecution().getStatus());
                return null;
            }
            StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
            handler.setJobRepository(jobRepository);
            handler.setStepLocator(stepName -> new NamingStep(steps.getStep(stepName)));
            StepExecution ended = handler.handle(request);
            log.info(String.format(Locale.ROOT, "worker %s: %s (step execution %d) ended %s: read %,d, written %,d in %s",
                    name, ended.getStepName(), ended.getId(), ended.getStatus(), ended.getReadCount(),
                    ended.getWriteCount(), ended.getStartTime() == null || ended.getEndTime() == null ? "?"
                            : Duration.between(ended.getStartTime(), ended.getEndTime())));
            return ended;
        } catch (RuntimeException e) {
            // a thrown exception would roll the message back and redeliver it again and again
            log.error("worker {}: {} not run: {}", name, request, e.getMessage());
            return null;
        }
    }

    /** Whether a partition is running here. */
    public boolean busy() {
        return !running.isEmpty();
    }

    /**
     * Waits up to {@code grace} for the running partitions to end; then asks them to stop at their next chunk
     * (they end STOPPED, and a restart of the job reruns them) and waits for that.
     */
    public void finishOrStop(Duration grace) throws InterruptedException {
        long end = System.nanoTime() + grace.toNanos();
        while (busy() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        if (busy()) {
            running.forEach(partition -> {
                log.warn("worker {}: stopping {} (step execution {}) after {}; a restart of the job reruns it", name,
                        partition.getStepName(), partition.getId(), grace);
                partition.setTerminateOnly();
            });
            while (busy()) {
                Thread.sleep(100);
            }
        }
    }

    /** The partition step, naming this worker in the step execution and keeping it findable for a stop. */
    private final class NamingStep implements Step {

        private final Step step;

        NamingStep(Step step) {
            this.step = step;
        }

        @Override
        public String getName() {
            return step.getName();
        }

        @Override
        public void execute(StepExecution partition) throws JobInterruptedException {
            partition.getExecutionContext().putString(WORKER_KEY, name);
            log.info("worker {}: running {} (step execution {}) of job execution {}", name, partition.getStepName(),
                    partition.getId(), partition.getJobExecutionId());
            running.add(partition);
            try {
                step.execute(partition);
            } finally {
                running.remove(partition);
            }
        }
    }
}
