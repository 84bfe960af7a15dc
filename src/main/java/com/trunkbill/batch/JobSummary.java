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

    static final String KEY = "trunkbill.summary";

    private JobSummary() {
    }

    public static void add(StepExecution step, String line) {
        add(step.getJobExecution(), line);
    }

    @SuppressWarnings("unchecked")
    public static void add(JobExecution job, String line) {
        ExecutionContext context = job.getExecutionContext();
        List<String> lines = new ArrayList<>((List<String>) context.get(KEY, List.class, List.of()));
        lines.add(line);
        context.put(KEY, lines);
    }

    @SuppressWarnings("unchecked")
    public static List<String> lines(JobExecution job) {
        return List.copyOf((List<String>) job.getExecutionContext().get(KEY, List.class, List.of()));
    }
}
