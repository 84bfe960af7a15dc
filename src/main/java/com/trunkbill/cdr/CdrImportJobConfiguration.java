package com.trunkbill.cdr;

import com.trunkbill.batch.JobSummary;
import com.trunkbill.cdr.model.CdrBounds;
import com.trunkbill.cdr.model.IngestSplit;
import com.trunkbill.cdr.model.ForeignCdrMapping;
import com.trunkbill.cdr.model.ImportCounts;
import com.trunkbill.cdr.model.TrunkAttribution;
import com.trunkbill.db.H2WriteBehind;
import com.trunkbill.db.PlannerStatistics;
import com.trunkbill.db.jooq.tables.records.CdrFileRecord;
import com.trunkbill.inventory.InventoryRepository;
import com.trunkbill.rating.RatingAtIngest;
import com.trunkbill.rating.model.RatingOutcome;
import com.trunkbill.scaleout.PartitionHandlers;
import com.trunkbill.scaleout.ScaleOutOptions;
import com.trunkbill.support.CsvFileException;
import com.trunkbill.support.InputFolder;
import com.trunkbill.support.RejectsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static com.trunkbill.db.jooq.Tables.CDR;

/**
 * {@code cdrImportJob} (SPEC §2, §3.3, §8): {@code import-cdrs --dir D [--format F]}.
 * <ol>
 *   <li>{@code checkCdrFilesStep} reads every {@code *.csv}/{@code *.csv.gz} of D through and checks that it is
 *       CSV (every record parses) with the required columns. Any refused file fails the job before anything is stored, naming each
 *       file and what is wrong. It runs again on every restart.</li>
 *   <li>{@code ingestCdrFilesStep} ingests the files in file name order, <b>one transaction per file</b>
 *       (one tasklet iteration each): a file is stored whole (its cdr_file row, CDRs and counts) or not at
 *       all, so a file refused halfway (broken CSV on line 3,000,000) or a crash leaves nothing of it. A file
 *       whose content hash is already in cdr_file is skipped ("already ingested as ... on ..."): re-running
 *       after a failure ingests just the files not yet recorded.</li>
 * </ol>
 * With rating at ingest ({@value #RATE_AT_INGEST_PROPERTY}, default true; job parameter {@value #RATE_AT_INGEST}
 * overrides it), each chunk's accepted CDRs are rated as they are stored, in the file's transaction, by one
 * rating run per import ({@link RatingAtIngest}): a file's CDRs and their first ratings commit together.
 * <p>
 * With the job parameter {@value #PARTITIONS} ({@code --partitions K}) the check step also plans K partitions of
 * whole files, files that share a cdr_id together ({@link IngestPartitions}), and {@code ingestCdrPartitionsStep}
 * runs them in place of {@code ingestCdrFilesStep}, on threads or on workers; each partition ingests its files as
 * above, with an ingest rating run of its own.
 * <p>
 * On PostgreSQL a completed import ends with {@code ANALYZE} of {@code cdr} and {@code rated_cdr}
 * ({@link PlannerStatistics}), so the commands after it plan with statistics of what it stored.
 * <p>
 * Tasklets rather than a chunk step: a chunk step commits every chunk, which would leave half files behind.
 * <p>
 * The CDR bounds ({@link CdrBoundsProperties}) are checked against the job parameter {@value #INGESTED_AT} (an
 * ISO instant: {@code nightly} passes the end of its night, so a night's import gives the same result whenever it
 * runs) or, without it, the {@link Clock}'s current instant.
 */
@Configuration
public class CdrImportJobConfiguration {

    /** Job parameter: the instant the CDR bounds are checked against (default: now). */
    public static final String INGESTED_AT = "ingested-at";
    /** Property: import-cdrs rates each accepted CDR in its file's transaction (default true). */
    public static final String RATE_AT_INGEST_PROPERTY = "trunkbill.import.rate-at-ingest";
    /** Job parameter (not identifying) overriding {@value #RATE_AT_INGEST_PROPERTY} for one run. */
    public static final String RATE_AT_INGEST = "rate-at-ingest";
    /** Job parameter (not identifying): ingest in this many partitions of files ({@link IngestPartitions}). */
    public static final String PARTITIONS = ScaleOutOptions.PARTITIONS;
    public static final int MAX_PARTITIONS = ScaleOutOptions.MAX_PARTITIONS;
    /** Step execution context: the ingest rating run, continued by a restarted step. */
    static final String RATING_RUN_KEY = "ingest.ratingRunId";

    private static final Logger log = LoggerFactory.getLogger(CdrImportJobConfiguration.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Bean
    public Job cdrImportJob(JobRepository jobRepository, Step checkCdrFilesStep, Step ingestCdrFilesStep,
                            Step ingestCdrPartitionsStep, PlannerStatistics plannerStatistics,
                            RatingAtIngest ratingAtIngest) {
        // the job parameter partitions chooses the partitioned ingest; without it the import is what it always was
        JobExecutionDecider partitioned = (job, step) -> new FlowExecutionStatus(
                job.getJobParameters().getLong(PARTITIONS) == null ? "SEQUENTIAL" : "PARTITIONED");
        return new JobBuilder("cdrImportJob", jobRepository)
                .listener(new JobExecutionListener() {
                    // the commands after the import plan with statistics of what it stored (PostgreSQL)
                    @Override
                    public void afterJob(JobExecution job) {
                        if (job.getStatus() == BatchStatus.COMPLETED) {
                            plannerStatistics.analyze(CDR);
                            ratingAtIngest.refreshStatistics();
                        }
                    }
                })
                .start(checkCdrFilesStep)
                .next(partitioned).on("PARTITIONED").to(ingestCdrPartitionsStep)
                .from(partitioned).on("*").to(ingestCdrFilesStep)
                .end()
                .build();
    }

    /** The job parameter {@value #PARTITIONS}: how many partitions ingest the files; null: not partitioned. */
    static Integer partitions(JobParameters parameters) {
        OptionalInt partitions = ScaleOutOptions.partitions(parameters);
        return partitions.isPresent() ? partitions.getAsInt() : null;
    }

    @Bean
    public Step checkCdrFilesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                  ForeignFormatProperties foreignFormats,
                                  @Value("${" + InputFolder.FOLLOW_SYMLINKS + ":false}") boolean followSymlinks) {
        Tasklet check = (contribution, chunkContext) -> {
            Path dir = dir(chunkContext);
            CdrFormat format = format(chunkContext);
            ForeignCdrMapping mapping = foreignFormats.mapping(format);
            List<String> refusals = new ArrayList<>();
            CdrFiles.Listing listing = CdrFiles.list(dir, followSymlinks);
            for (String skipped : listing.skipped()) {
                log.warn("{}", skipped);
                JobSummary.add(contribution.getStepExecution(), skipped);
            }
            JobExecution job = contribution.getStepExecution().getJobExecution();
            Integer partitions = partitions(job.getJobParameters());
            IngestSplit split = new IngestSplit(listing.files().size());
            CdrFileCheck checker = new CdrFileCheck(format, mapping, Runtime.getRuntime().availableProcessors());
            for (CdrFileCheck.FileResult file : checker.check(listing.files(), split)) {
                if (file.refusal() != null) {
                    refusals.add(file.refusal());
                } else if (!file.unknownColumns().isEmpty()) {
                    JobSummary.add(contribution.getStepExecution(), file.file().getFileName()
                            + ": warning: unknown column(s) ignored: " + String.join(", ", file.unknownColumns()));
                }
            }
            if (!refusals.isEmpty()) {
                refusals.forEach(refusal -> JobSummary.add(contribution.getStepExecution(), "refused: " + refusal));
                throw new CsvFileException("CDR file(s) refused, nothing imported: " + String.join("; ", refusals));
            }
            IngestPartitions.noteRepeatedLater(job, listing.files(), split);
            if (partitions != null) {
                IngestPartitions.plan(job, listing.files(), split, partitions);
            }
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("checkCdrFilesStep", jobRepository).tasklet(check, transactionManager)
                .allowStartIfComplete(true).build();
    }

    @Bean
    public Step ingestCdrFilesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                   IngestTasklet ingestCdrFilesTasklet, H2WriteBehind writeBehind) {
        return new StepBuilder("ingestCdrFilesStep", jobRepository).tasklet(ingestCdrFilesTasklet, transactionManager)
                .listener(writeBehind).build();
    }

    @Bean
    @StepScope
    public IngestTasklet ingestCdrFilesTasklet(CdrImportRepository repository, InventoryRepository inventory,
                                               ForeignFormatProperties foreignFormats, CdrBoundsProperties bounds,
                                               Clock clock, @Value("${trunkbill.output-dir}") Path outputDir,
                                               @Value("#{jobParameters['" + INGESTED_AT + "']}") String ingestedAt,
                                               @Value("${" + InputFolder.FOLLOW_SYMLINKS + ":false}")
                                               boolean followSymlinks, RatingAtIngest ratingAtIngest,
                                               @Value("${" + RATE_AT_INGEST_PROPERTY + ":true}") boolean rateAtIngest,
                                               @Value("#{jobParameters['" + RATE_AT_INGEST + "']}") String rateParameter,
                                               H2WriteBehind writeBehind) {
        boolean rate = rateAtIngest(rateAtIngest, rateParameter);
        return new IngestTasklet(repository, inventory, foreignFormats, outputDir.resolve("rejects"), bounds.bounds(),
                ingestedAt(clock, ingestedAt), followSymlinks, rate ? ratingAtIngest : null, null, writeBehind);
    }

    /**
     * The partitioned ingest's manager: runs the partitions that the check step planned ({@link IngestPartitions}),
     * on threads of this process or, with a broker ({@code --broker}), in {@code trunkbill worker} processes, then
     * writes their summaries.
     */
    @Bean
    public Step ingestCdrPartitionsStep(JobRepository jobRepository, Step ingestCdrFilesPartitionStep,
                                        PartitionHandlers partitionHandlers, IngestPartitions ingestPartitioner) {
        return new StepBuilder(IngestPartitions.MANAGER_STEP, jobRepository)
                .partitioner(IngestPartitions.MANAGER_STEP, ingestPartitioner)
                .partitionHandler(partitionHandlers.forStep(ingestCdrFilesPartitionStep,
                        parameters -> partitions(parameters)))
                .aggregator(IngestPartitions::summarize)
                .build();
    }

    /** Splits the planned files into partitions, with what a worker needs that its own configuration may not say. */
    @Bean
    @StepScope
    public IngestPartitions ingestPartitioner(Clock clock, @Value("${trunkbill.output-dir}") Path outputDir,
                                              @Value("#{jobParameters['" + INGESTED_AT + "']}") String ingestedAt,
                                              @Value("${" + RATE_AT_INGEST_PROPERTY + ":true}") boolean rateAtIngest,
                                              @Value("#{jobParameters['" + RATE_AT_INGEST + "']}") String rateParameter,
                                              @Value("#{stepExecution.jobExecution}") JobExecution job) {
        boolean rate = rateAtIngest(rateAtIngest, rateParameter);
        return new IngestPartitions(job, outputDir.toAbsolutePath().resolve("rejects"), ingestedAt(clock, ingestedAt),
                rate);
    }

    /** One partition: its files, one transaction each, in file name order. */
    @Bean
    public Step ingestCdrFilesPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                            IngestTasklet ingestCdrPartitionTasklet, H2WriteBehind writeBehind) {
        return new StepBuilder(IngestPartitions.WORKER_STEP, jobRepository)
                .tasklet(ingestCdrPartitionTasklet, transactionManager)
                .listener(writeBehind).build();
    }

    /** Everything from the partition's context (the manager's), so that a worker ingests as the manager would. */
    @Bean
    @StepScope
    public IngestTasklet ingestCdrPartitionTasklet(CdrImportRepository repository, InventoryRepository inventory,
                                                   ForeignFormatProperties foreignFormats, CdrBoundsProperties bounds,
                                                   RatingAtIngest ratingAtIngest, H2WriteBehind writeBehind,
                                                   @Value("#{stepExecution}") StepExecution partition) {
        IngestPartitions.Partition files = IngestPartitions.Partition.of(partition.getExecutionContext());
        return new IngestTasklet(repository, inventory, foreignFormats, files.rejectsDir(), bounds.bounds(),
                files.ingestedAt(), false, files.rate() ? ratingAtIngest : null, files, writeBehind);
    }

    /** The job parameter {@value #INGESTED_AT} when given, else the clock's instant. */
    private static Instant ingestedAt(Clock clock, String parameter) {
        return parameter == null || parameter.isBlank() ? clock.instant() : Instant.parse(parameter);
    }

    /** The job parameter {@value #RATE_AT_INGEST} when given, else the property. */
    private static boolean rateAtIngest(boolean property, String parameter) {
        return parameter == null || parameter.isBlank() ? property : Boolean.parseBoolean(parameter.trim());
    }

    static Path dir(ChunkContext context) {
        return Path.of((String) context.getStepContext().getJobParameters().get("dir"));
    }

    static CdrFormat format(ChunkContext context) {
        Object value = context.getStepContext().getJobParameters().get("format");
        CdrFormat format = value == null ? CdrFormat.CANONICAL : CdrFormat.fromOption(value.toString());
        if (format == null) {
            throw new IllegalArgumentException("format " + value + " is not canonical, asterisk or freeswitch");
        }
        return format;
    }

    /**
     * One file per iteration, each in its own transaction; state lives for one step execution. Without a
     * partition it ingests every file of the folder and writes its lines to the job's summary; as a partition, the
     * partition's files, its lines and counts kept in the partition's context for the manager
     * ({@link IngestPartitions#summarize}), and every file recorded with the import's instant.
     */
    public static class IngestTasklet implements Tasklet {

        private final CdrImportRepository repository;
        private final InventoryRepository inventory;
        private final ForeignFormatProperties foreignFormats;
        private final Path rejectsDir;
        private final CdrBounds bounds;
        private final Instant ingestedAt;
        private final boolean followSymlinks;
        private final RatingAtIngest ratingAtIngest;
        private final ImportCounts total = new ImportCounts();
        private List<Path> files;
        /** The names of the files whose cdr_ids a later file repeats; null: not known, every file's. */
        private Set<String> repeatedLater;
        private int next;
        private int skipped;
        private CdrFileIngester ingester;
        private RatingAtIngest.Run ratingRun;
        private final IngestPartitions.Partition partition;
        private final H2WriteBehind writeBehind;
        private StepExecution step;

        IngestTasklet(CdrImportRepository repository, InventoryRepository inventory,
                      ForeignFormatProperties foreignFormats, Path rejectsDir, CdrBounds bounds, Instant ingestedAt,
                      boolean followSymlinks, RatingAtIngest ratingAtIngest, IngestPartitions.Partition partition,
                      H2WriteBehind writeBehind) {
            this.repository = repository;
            this.writeBehind = writeBehind;
            this.partition = partition;
            this.ratingAtIngest = ratingAtIngest;
            this.followSymlinks = followSymlinks;
            this.inventory = inventory;
            this.foreignFormats = foreignFormats;
            this.rejectsDir = rejectsDir;
            this.bounds = bounds;
            this.ingestedAt = ingestedAt;
        }

        @Override
        public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
            Path dir = dir(chunkContext);
            CdrFormat format = format(chunkContext);
            if (files == null) {
                step = contribution.getStepExecution();
                if (partition == null) {
                    files = CdrFiles.list(dir, followSymlinks).files();
                    repeatedLater = IngestPartitions.repeatedLater(step.getJobExecution());
                } else {
                    files = partition.files().stream().map(dir::resolve).toList();
                    repeatedLater = partition.repeatedLater();
                    IngestPartitions.startSummary(step); // a restarted partition says what this execution did
                }
                ingester = new CdrFileIngester(repository, new TrunkAttribution(inventory.trunkTimelines().values()),
                        bounds, ingestedAt, new RateAtIngest());
                ExecutionContext context = contribution.getStepExecution().getExecutionContext();
                if (ratingAtIngest != null && context.containsKey(RATING_RUN_KEY)) {
                    ratingRun = ratingAtIngest.resume(context.getLong(RATING_RUN_KEY)); // a restarted import
                }
            }
            if (next < files.size()) {
                ingestOne(files.get(next++), format, contribution);
            }
            if (next < files.size()) {
                return RepeatStatus.CONTINUABLE;
            }
            if (partition != null) {
                IngestPartitions.finishSummary(step, total, files.size() - skipped, skipped);
            } else {
                summary(files.isEmpty() ? "no *.csv or *.csv.gz file in " + dir
                        : String.format("total: %s  (%d file(s) ingested, %d already ingested)", total.summary(),
                        files.size() - skipped, skipped));
            }
            if (ratingRun != null) {
                ratingRun.finish().forEach(this::summary);
            }
            return RepeatStatus.FINISHED;
        }

        private void summary(String line) {
            if (partition == null) {
                JobSummary.add(step, line);
            } else {
                IngestPartitions.addSummary(step, line);
            }
        }

        /**
         * Rating at ingest: each accepted CDR rated on the ingester's reader thread, the chunk's ratings stored
         * right after its CDRs, in the same transaction. The rating run exists before a file is read
         * ({@link #ingestOne}).
         */
        private final class RateAtIngest implements CdrFileIngester.FollowUp<RatingOutcome> {

            @Override
            public RatingOutcome prepare(AcceptedCdr cdr) {
                return ratingRun == null ? null : ratingRun.rate(cdr.key(), cdr.forRating());
            }

            @Override
            public void stored(List<RatingOutcome> ratings) {
                if (ratingRun != null) {
                    ratingRun.store(ratings);
                }
            }
        }

        private void ingestOne(Path file, CdrFormat format, StepContribution contribution) {
            String name = file.getFileName().toString();
            String hash = CdrFiles.contentHash(file);
            Optional<CdrFileRecord> earlier = repository.fileWithHash(hash);
            if (earlier.isPresent()) {
                skipped++;
                String line = name + ": already ingested as " + earlier.get().getFileName() + " on "
                        + WHEN.format(earlier.get().getIngestedAt()) + ", nothing added";
                log.debug(line);
                summary(line);
                return;
            }
            writeBehind.durableOnCommit(); // the file's transaction is on disk before the next file starts
            if (ratingAtIngest != null && ratingRun == null) {
                // in this file's transaction: a crash before its commit leaves no run behind either
                ratingRun = ratingAtIngest.start(contribution.getStepExecution().getJobExecutionId());
                contribution.getStepExecution().getExecutionContext().putLong(RATING_RUN_KEY, ratingRun.runId());
            }
            ImportCounts counts;
            try {
                counts = ingester.ingest(file, hash, format, foreignFormats.mapping(format), rejectsDir,
                        rows -> {
                            for (long i = 0; i < rows; i++) {
                                contribution.incrementReadCount();
                            }
                        }, partition == null ? Instant.now() : ingestedAt,
                        repeatedLater == null || repeatedLater.contains(name));
            } catch (CsvFileException e) {
                summary("refused: " + e.getMessage()
                        + " (nothing of this file was stored)");
                throw e;
            }
            contribution.incrementWriteCount(counts.accepted());
            contribution.incrementFilterCount(counts.read() - counts.accepted());
            total.add(counts);
            String line = name + ": " + counts.summary();
            log.debug(line);
            summary(line);
            if (counts.rejected() > 0) {
                summary(name + ": refused rows with line and reason in "
                        + RejectsFile.pathFor(rejectsDir, name));
            }
        }
    }
}
