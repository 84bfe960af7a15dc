package com.trunkbill.batch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import java.time.Duration;

/**
 * Progress for long steps: every few seconds one line with the records so far and the rate, and a closing
 * line per step (read / written / filtered / skipped / duration). Register it on every chunk step.
 */
public class ProgressListener implements StepExecutionListener, ChunkListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

    private final Duration interval;
    private StepExecution step;
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
        step = stepExecution;
        startedNanos = System.nanoTime();
        lastReportNanos = startedNanos;
    }

    /** Spring Batch 6 chunk-oriented steps call this variant. */
    @Override
    public void afterChunk(Chunk<Object> chunk) {
        reportProgress();
    }

    /** Tasklet-based (pre-6 style) chunk steps call this one. */
    @Override
    public void afterChunk(ChunkContext context) {
        reportProgress();
    }

    private void reportProgress() {
        long now = System.nanoTime();
        if (step == null || now - lastReportNanos < interval.toNanos()) {
            return;
        }
        lastReportNanos = now;
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
