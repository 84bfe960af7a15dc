package com.trunkbill.operations;

import com.trunkbill.cli.OptionSpec;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.ToolCommand;
import com.trunkbill.cli.UsageException;
import com.trunkbill.scaleout.PartitionWorker;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ApplicationContext;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code history [--limit N]}: the most recent job executions from the Spring Batch job repository (newest
 * first), so an operator sees what the last nights did without SQL: execution id, job, status, start, duration,
 * items read and written (summed over the steps), parameters, and for a failed run its exit description; under a
 * partitioned run, each partition with the worker that ran it.
 */
public final class HistoryCommand implements ToolCommand {

    static final int DEFAULT_LIMIT = 20;
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String RUN_ID = "run.id";

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String description() {
        return "list recent job executions: status, duration, counts, parameters";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.optional("limit", "N", "how many executions to list (default " + DEFAULT_LIMIT + ")"));
    }

    @Override
    public boolean needsDatabase() {
        return true;
    }

    @Override
    public void validate(ParsedOptions options) {
        limit(options);
    }

    private static int limit(ParsedOptions options) {
        long limit = options.positiveLong("limit").orElse((long) DEFAULT_LIMIT);
        if (limit > Integer.MAX_VALUE) {
            throw new UsageException("--limit " + limit + " is too large");
        }
        return (int) limit;
    }

    @Override
    public int run(ParsedOptions options, ApplicationContext context, PrintStream out) {
        int limit = limit(options);
        List<JobExecution> executions = recentExecutions(context.getBean(JobRepository.class), limit);
        if (executions.isEmpty()) {
            out.println("no job executions recorded yet");
            return 0;
        }
        out.printf("%9s  %-20s %-10s %-19s %9s %10s %10s  %s%n", "EXECUTION", "JOB", "STATUS", "STARTED",
                "DURATION", "READ", "WRITTEN", "PARAMETERS");
        for (JobExecution execution : executions) {
            long read = execution.getStepExecutions().stream().mapToLong(StepExecution::getReadCount).sum();
            long written = execution.getStepExecutions().stream().mapToLong(StepExecution::getWriteCount).sum();
            out.printf("%9d  %-20s %-10s %-19s %9s %,10d %,10d  %s%n", execution.getId(),
                    execution.getJobInstance().getJobName(), execution.getStatus(), started(execution.getStartTime()),
                    duration(execution.getStartTime(), execution.getEndTime()), read, written,
                    parameters(execution));
            partitionLines(execution).forEach(out::println);
            String exit = execution.getExitStatus().getExitDescription();
            if (execution.getStatus().isUnsuccessful() && exit != null && !exit.isBlank()) {
                String firstLine = exit.lines().findFirst().orElse("");
                out.println("           " + (firstLine.length() > 160 ? firstLine.substring(0, 160) + "..." : firstLine));
            }
        }
        return 0;
    }

    /**
     * One line per partition of a partitioned step (a step execution whose context names the process that ran it,
     * {@value PartitionWorker#WORKER_KEY}): its name, status, worker and counts, in step execution order.
     * Partitions run on threads of the launching process are named {@code local}.
     */
    static List<String> partitionLines(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getExecutionContext().containsKey(PartitionWorker.WORKER_KEY))
                .sorted(Comparator.comparingLong(StepExecution::getId))
                .map(step -> String.format("           %s  %s  on %s  read %,d  written %,d", step.getStepName(),
                        step.getStatus(), step.getExecutionContext().getString(PartitionWorker.WORKER_KEY),
                        step.getReadCount(), step.getWriteCount()))
                .toList();
    }

    /** The newest {@code limit} executions over every job (by execution id, which grows with time). */
    static List<JobExecution> recentExecutions(JobRepository repository, int limit) {
        List<JobExecution> executions = new ArrayList<>();
        for (String jobName : repository.getJobNames()) {
            for (JobInstance instance : repository.getJobInstances(jobName, 0, limit)) {
                executions.addAll(repository.getJobExecutions(instance));
            }
        }
        return executions.stream().sorted(Comparator.comparingLong(JobExecution::getId).reversed()).limit(limit)
                .toList();
    }

    private static String started(LocalDateTime start) {
        return start == null ? "-" : START.format(start);
    }

    private static String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "-";
        }
        if (end == null) {
            return "running";
        }
        Duration duration = Duration.between(start, end);
        long seconds = duration.getSeconds();
        if (seconds >= 3600) {
            return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format("%.1fs", duration.toMillis() / 1000.0);
    }

    private static String parameters(JobExecution execution) {
        return execution.getJobParameters().parameters().stream()
                .filter(parameter -> !parameter.name().equals(RUN_ID))
                .sorted(Comparator.comparing(JobParameter::name))
                .map(parameter -> parameter.name() + "=" + parameter.value())
                .collect(Collectors.joining(" "));
    }
}
