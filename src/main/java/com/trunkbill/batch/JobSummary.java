package com.trunkbill.batch;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines a job wants the operator to read at the end of a run ("loaded 1,204 rates as version 7"). Steps add
 * them to the job's execution context; the launcher prints them after the job, whatever its status.
 */
public final class JobSummary {

    /**
     * Keyed by execution: a restarted execution starts with a copy of the failed one's context, and its summary
     * must not repeat the lines of the failed run.
     */
    static final String KEY = "trunkbill.summary.";

    private JobSummary() {
    }

    public static void add(StepExecution step, String line) {
        add(step.getJobExecution(), line);
    }

    @SuppressWarnings("unchecked")
    public static void add(JobExecution job, String line) {
        ExecutionContext context = job.getExecutionContext();
        List<String> lines = new ArrayList<>((List<String>) context.get(key(job), List.class, List.of()));
        lines.add(line);
        context.put(key(job), lines);
    }

    @SuppressWarnings("unchecked")
    public static List<String> lines(JobExecution job) {
        return List.copyOf((List<String>) job.getExecutionContext().get(key(job), List.class, List.of()));
    }

    private static String key(JobExecution job) {
        return KEY + job.getId();
    }
}
