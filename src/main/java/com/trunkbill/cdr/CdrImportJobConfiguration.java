package com.trunkbill.cdr;

import com.trunkbill.batch.JobSummary;
import com.trunkbill.cdr.model.CdrBounds;
import com.trunkbill.cdr.model.ForeignCdrMapping;
import com.trunkbill.cdr.model.ImportCounts;
import com.trunkbill.cdr.model.TrunkAttribution;
import com.trunkbill.db.jooq.tables.records.CdrFileRecord;
import com.trunkbill.inventory.InventoryRepository;
import com.trunkbill.rating.RatingAtIngest;
import com.trunkbill.support.CsvFileException;
import com.trunkbill.support.InputFolder;
import com.trunkbill.support.RejectsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    /** Step execution context: the ingest rating run, continued by a restarted step. */
    static final String RATING_RUN_KEY = "ingest.ratingRunId";

    private static final Logger log = LoggerFactory.getLogger(CdrImportJobConfiguration.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Bean
    public Job cdrImportJob(JobRepository jobRepository, Step checkCdrFilesStep, Step ingestCdrFilesStep) {
        return new JobBuilder("cdrImportJob", jobRepository).start(checkCdrFilesStep).next(ingestCdrFilesStep).build();
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
            for (Path file : listing.files()) {
                try (CdrSource source = CdrSource.open(file, format, mapping)) {
                    // SPEC §8: a file that is not CSV is refused whole and the job fails without partial
                    // effects. Broken CSV (an unterminated quote, binary content) can sit anywhere in a file,
                    // so every record is parsed here, before any file of the run is stored.
                    while (source.hasNext()) {
                        source.next();
                    }
                    if (!source.unknownColumns().isEmpty()) {
                        JobSummary.add(contribution.getStepExecution(), file.getFileName()
                                + ": warning: unknown column(s) ignored: " + String.join(", ", source.unknownColumns()));
                    }
                } catch (CsvFileException e) {
                    refusals.add(e.getMessage());
                } catch (UncheckedIOException e) {
                    refusals.add(file.getFileName() + ": cannot be read as a CSV file: " + e.getMessage());
                }
            }
            if (!refusals.isEmpty()) {
                refusals.forEach(refusal -> JobSummary.add(contribution.getStepExecution(), "refused: " + refusal));
                throw new CsvFileException("CDR file(s) refused, nothing imported: " + String.join("; ", refusals));
            }
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("checkCdrFilesStep", jobRepository).tasklet(check, transactionManager)
                .allowStartIfComplete(true).build();
    }

    @Bean
    public Step ingestCdrFilesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                   IngestTasklet ingestCdrFilesTasklet) {
        return new StepBuilder("ingestCdrFilesStep", jobRepository).tasklet(ingestCdrFilesTasklet, transactionManager)
                .build();
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
                                               @Value("#{jobParameters['" + RATE_AT_INGEST + "']}") String rateParameter) {
        boolean rate = rateParameter == null || rateParameter.isBlank() ? rateAtIngest
                : Boolean.parseBoolean(rateParameter.trim());
        return new IngestTasklet(repository, inventory, foreignFormats, outputDir, bounds.bounds(),
                ingestedAt == null || ingestedAt.isBlank() ? clock.instant() : Instant.parse(ingestedAt),
                followSymlinks, rate ? ratingAtIngest : null);
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

    /** One file per iteration, each in its own transaction; state lives for one step execution. */
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
        private int next;
        private int skipped;
        private CdrFileIngester ingester;
        private RatingAtIngest.Run ratingRun;

        IngestTasklet(CdrImportRepository repository, InventoryRepository inventory,
                      ForeignFormatProperties foreignFormats, Path outputDir, CdrBounds bounds, Instant ingestedAt,
                      boolean followSymlinks, RatingAtIngest ratingAtIngest) {
            this.repository = repository;
            this.ratingAtIngest = ratingAtIngest;
            this.followSymlinks = followSymlinks;
            this.inventory = inventory;
            this.foreignFormats = foreignFormats;
            this.rejectsDir = outputDir.resolve("rejects");
            this.bounds = bounds;
            this.ingestedAt = ingestedAt;
        }

        @Override
        public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
            Path dir = dir(chunkContext);
            CdrFormat format = format(chunkContext);
            if (files == null) {
                files = CdrFiles.list(dir, followSymlinks).files();
                ingester = new CdrFileIngester(repository, new TrunkAttribution(inventory.trunkTimelines().values()),
                        bounds, ingestedAt, this::rate);
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
            String line = files.isEmpty() ? "no *.csv or *.csv.gz file in " + dir
                    : String.format("total: %s  (%d file(s) ingested, %d already ingested)", total.summary(),
                    files.size() - skipped, skipped);
            JobSummary.add(contribution.getStepExecution(), line);
            if (ratingRun != null) {
                ratingRun.finish().forEach(summary -> JobSummary.add(contribution.getStepExecution(), summary));
            }
            return RepeatStatus.FINISHED;
        }

        /** Rating at ingest: the chunk's CDRs just stored, rated in the same transaction. */
        private void rate(List<AcceptedCdr> stored) {
            if (ratingRun != null) {
                ratingRun.rate(stored.stream().map(AcceptedCdr::forRating).toList());
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
                JobSummary.add(contribution.getStepExecution(), line);
                return;
            }
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
                        });
            } catch (CsvFileException e) {
                JobSummary.add(contribution.getStepExecution(), "refused: " + e.getMessage()
                        + " (nothing of this file was stored)");
                throw e;
            }
            contribution.incrementWriteCount(counts.accepted());
            contribution.incrementFilterCount(counts.read() - counts.accepted());
            total.add(counts);
            String line = name + ": " + counts.summary();
            log.debug(line);
            JobSummary.add(contribution.getStepExecution(), line);
            if (counts.rejected() > 0) {
                JobSummary.add(contribution.getStepExecution(), name + ": refused rows with line and reason in "
                        + RejectsFile.pathFor(rejectsDir, name));
            }
        }
    }
}
