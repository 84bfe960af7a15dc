package com.trunkbill.cdr;

import com.trunkbill.batch.JobSummary;
import com.trunkbill.cdr.model.ImportCounts;
import com.trunkbill.cdr.model.IngestSplit;
import com.trunkbill.cdr.model.RejectReason;
import com.trunkbill.scaleout.PartitionWorker;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The partitioned ingest ({@code import-cdrs --partitions K}): {@code checkCdrFilesStep}, which reads every record
 * anyway, plans which files each partition ingests ({@link IngestSplit}: files sharing a cdr_id stay together, so
 * the result is the sequential import's) and keeps the plan in the job's execution context; this partitioner gives
 * each partition ({@code ingestCdrPartitionsStep:partition0} ..) its files, the rejects folder, the instant the CDR
 * bounds are checked against and whether to rate at ingest, all the manager's. A partition's context is stored with
 * its step execution: a restarted partition ingests the files it was given, with the same settings.
 * <p>
 * Each partition writes its summary lines and counts into its own context; {@link #summarize} (the manager's
 * aggregator) prints them per partition, with the worker that ran it, and the total.
 */
public class IngestPartitions implements Partitioner {

    static final String MANAGER_STEP = "ingestCdrPartitionsStep";
    static final String WORKER_STEP = "ingestCdrFilesPartitionStep";
    /** Job execution context: the file names of each partition, '/'-separated (a name cannot hold one). */
    static final String PLAN_KEY = "ingest.plan";
    static final String INDEX_KEY = "ingest.partition";
    static final String FILES_KEY = "ingest.files";
    static final String REJECTS_KEY = "ingest.rejectsDir";
    static final String INGESTED_AT_KEY = "ingest.ingestedAt";
    static final String RATE_KEY = "ingest.rate";
    static final String SUMMARY_KEY = "ingest.summary";
    static final String COUNTS_KEY = "ingest.counts";
    /**
     * Job execution context: the names of the files whose cdr_ids a later file repeats ({@link
     * IngestSplit#repeatedLater}), as a list; a partition's context: those of its files, '/'-separated. Absent (a
     * context written before it existed): every file's cdr_ids are remembered.
     */
    static final String REPEATED_LATER_KEY = "ingest.repeatedLater";

    private final JobExecution job;
    private final Path rejectsDir;
    private final Instant ingestedAt;
    private final boolean rate;

    IngestPartitions(JobExecution job, Path rejectsDir, Instant ingestedAt, boolean rate) {
        this.job = job;
        this.rejectsDir = rejectsDir;
        this.ingestedAt = ingestedAt;
        this.rate = rate;
    }

    /**
     * What one partition ingests, read back from its execution context.
     *
     * @param repeatedLater its files whose cdr_ids a later file repeats; null: not known, every file's
     */
    record Partition(int index, List<String> files, Path rejectsDir, Instant ingestedAt, boolean rate,
                     Set<String> repeatedLater) {

        static Partition of(ExecutionContext context) {
            String files = context.getString(FILES_KEY);
            String repeated = context.containsKey(REPEATED_LATER_KEY) ? context.getString(REPEATED_LATER_KEY) : null;
            return new Partition(context.getInt(INDEX_KEY), files.isEmpty() ? List.of() : List.of(files.split("/")),
                    Path.of(context.getString(REJECTS_KEY)), Instant.parse(context.getString(INGESTED_AT_KEY)),
                    Boolean.parseBoolean(context.getString(RATE_KEY)),
                    repeated == null ? null : repeated.isEmpty() ? Set.of() : Set.of(repeated.split("/")));
        }
    }

    /** The check step's part for every import, partitioned or not: the files whose cdr_ids a later file repeats. */
    static void noteRepeatedLater(JobExecution job, List<Path> files, IngestSplit split) {
        boolean[] repeated = split.repeatedLater();
        ArrayList<String> names = new ArrayList<>();
        for (int i = 0; i < repeated.length; i++) {
            if (repeated[i]) {
                names.add(files.get(i).getFileName().toString());
            }
        }
        job.getExecutionContext().put(REPEATED_LATER_KEY, names);
    }

    /** The names of the files whose cdr_ids a later file repeats, from the job's context; null: not known. */
    @SuppressWarnings("unchecked")
    static Set<String> repeatedLater(JobExecution job) {
        List<String> names = (List<String>) job.getExecutionContext().get(REPEATED_LATER_KEY, List.class);
        return names == null ? null : Set.copyOf(names);
    }

    /** The check step's part: the files of each partition, in the job's context. */
    static void plan(JobExecution job, List<Path> files, IngestSplit split, int partitions) {
        long[] sizes = new long[files.size()];
        for (int i = 0; i < sizes.length; i++) {
            try {
                sizes[i] = Files.size(files.get(i));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the size of " + files.get(i), e);
            }
        }
        ArrayList<String> plan = new ArrayList<>();
        for (List<Integer> partition : split.partitions(sizes, partitions)) {
            plan.add(String.join("/", partition.stream().map(i -> files.get(i).getFileName().toString()).toList()));
        }
        job.getExecutionContext().put(PLAN_KEY, plan);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<String> plan = (List<String>) job.getExecutionContext().get(PLAN_KEY, List.class);
        if (plan == null || plan.size() != gridSize) {
            throw new IllegalStateException("job execution " + job.getId() + ": no plan of " + gridSize
                    + " ingest partitions from checkCdrFilesStep");
        }
        Set<String> repeated = repeatedLater(job);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int index = 0; index < gridSize; index++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(INDEX_KEY, index);
            context.putString(FILES_KEY, plan.get(index));
            context.putString(REJECTS_KEY, rejectsDir.toString());
            context.putString(INGESTED_AT_KEY, ingestedAt.toString());
            context.putString(RATE_KEY, Boolean.toString(rate));
            if (repeated != null) {
                context.putString(REPEATED_LATER_KEY, String.join("/", Arrays.stream(plan.get(index).split("/"))
                        .filter(repeated::contains).toList()));
            }
            partitions.put("partition" + index, context);
        }
        return partitions;
    }

    static void startSummary(StepExecution partition) {
        partition.getExecutionContext().put(SUMMARY_KEY, new ArrayList<String>());
        partition.getExecutionContext().remove(COUNTS_KEY);
    }

    @SuppressWarnings("unchecked")
    static void addSummary(StepExecution partition, String line) {
        ArrayList<String> lines = new ArrayList<>((List<String>) partition.getExecutionContext()
                .get(SUMMARY_KEY, List.class, List.of()));
        lines.add(line);
        partition.getExecutionContext().put(SUMMARY_KEY, lines);
    }

    /** The partition's counts, for the manager's total. */
    static void finishSummary(StepExecution partition, ImportCounts total, long ingested, long skipped) {
        HashMap<String, Long> counts = new HashMap<>();
        counts.put("files", ingested);
        counts.put("skipped", skipped);
        counts.put("accepted", total.accepted());
        counts.put("duplicates", total.duplicates());
        total.rejectedByReason().forEach((reason, count) -> counts.put(reason.name(), count));
        partition.getExecutionContext().put(COUNTS_KEY, counts);
    }

    /**
     * The manager's aggregator: the worst status of the partitions (their counts stay with them, so sums over the
     * job's step executions count every row once), and the summary: per partition its worker and files, then each
     * file's line as the sequential import prints it, then the total of the partitions this execution ran.
     */
    @SuppressWarnings("unchecked")
    static void summarize(StepExecution manager, Collection<StepExecution> partitions) {
        ImportCounts total = new ImportCounts();
        long ingested = 0;
        long skipped = 0;
        List<StepExecution> ordered = new ArrayList<>(partitions);
        ordered.sort(Comparator.comparingInt(partition -> partition.getExecutionContext().getInt(INDEX_KEY, 0)));
        for (StepExecution partition : ordered) {
            manager.setStatus(BatchStatus.max(manager.getStatus(), partition.getStatus()));
            manager.setExitStatus(manager.getExitStatus().and(partition.getExitStatus()));
            ExecutionContext context = partition.getExecutionContext();
            String files = context.getString(FILES_KEY, "");
            JobSummary.add(manager, String.format("%s %s on %s: %d file(s)", partition.getStepName(),
                    partition.getStatus(), context.getString(PartitionWorker.WORKER_KEY, "?"),
                    files.isEmpty() ? 0 : files.split("/").length));
            ((List<String>) context.get(SUMMARY_KEY, List.class, List.of()))
                    .forEach(line -> JobSummary.add(manager, line));
            Map<String, Long> counts = (Map<String, Long>) context.get(COUNTS_KEY, Map.class);
            if (counts != null) {
                ingested += counts.get("files");
                skipped += counts.get("skipped");
                total.add(ImportCounts.of(counts.get("accepted"), counts.get("duplicates"), rejected(counts)));
            }
        }
        JobSummary.add(manager, String.format("total: %s  (%d file(s) ingested, %d already ingested)",
                total.summary(), ingested, skipped));
    }

    private static Map<RejectReason, Long> rejected(Map<String, Long> counts) {
        Map<RejectReason, Long> rejected = new HashMap<>();
        for (RejectReason reason : RejectReason.values()) {
            Long count = counts.get(reason.name());
            if (count != null) {
                rejected.put(reason, count);
            }
        }
        return rejected;
    }
}
