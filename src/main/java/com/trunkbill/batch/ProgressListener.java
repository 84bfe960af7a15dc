package com.trunkbill.batch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;

import java.time.Duration;

/**
 * Progress for long steps: every few seconds one line with the records so far and the rate, and a closing
 * line per step (read / written / filtered / skipped / duration). Register it on every chunk step.
 */
public class ProgressListener implements StepExecutionListener, ChunkListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

    private final Duration interval;
    private long startedNanos;
    private long lastReportNanos;

    public ProgressListener() {
        this(Duration.ofSeconds(5));
    }

    public ProgressListener(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        startedNanos = System.nanoTime();
        lastReportNanos = startedNanos;
    }

    @Override
    public void afterChunk(ChunkContext context) {
        long now = System.nanoTime();
        if (now - lastReportNanos < interval.toNanos()) {
            return;
        }
        lastReportNanos = now;
        StepExecution step = context.getStepContext().getStepExecution();
        double seconds = Math.max(1e-9, (now - startedNanos) / 1e9);
        log.info("{}: {} read, {} written so far ({}/s)", step.getStepName(), step.getReadCount(),
                step.getWriteCount(), Math.round(step.getReadCount() / seconds));
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        double seconds = Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
        log.info("{}: {} read, {} written, {} filtered, {} skipped in {}s ({}/s)", step.getStepName(),
                step.getReadCount(), step.getWriteCount(), step.getFilterCount(), step.getSkipCount(),
                String.format("%.1f", seconds), Math.round(step.getReadCount() / seconds));
        return step.getExitStatus();
    }
}
