package com.trunkbill.rating;

import com.trunkbill.batch.JobSummary;
import com.trunkbill.batch.ProgressListener;
import com.trunkbill.inventory.InventoryRepository;
import com.trunkbill.rating.RatingRunRepository.CurrencyTotal;
import com.trunkbill.rating.RatingRunRepository.RatingRun;
import com.trunkbill.rating.model.AccountPartition;
import com.trunkbill.rating.model.RateBook;
import com.trunkbill.rating.model.RatingCandidate;
import com.trunkbill.rating.model.RatingEngine;
import com.trunkbill.rating.model.RatingOutcome;
import com.trunkbill.rating.model.RatingScope;
import com.trunkbill.ratetable.RateTableRepository;
import com.trunkbill.ratetable.model.RateTable;
import com.trunkbill.scaleout.PartitionHandlers;
import com.trunkbill.scaleout.ScaleOutOptions;
import com.trunkbill.support.BillingPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code ratingJob} (SPEC §2, §4): {@code startRatingRunStep} records a rating run (scope, rate-table
 * versions) and keeps its id in the job's execution context; {@code rateCdrsStep} splits the scope into the
 * job parameter {@code partitions} (default 1) partitions by a hash of account_id, and its partitions
 * ({@code rateCdrsStep:partition0} ..) rate their CDRs on as many threads, in chunks, each committed with the
 * partition's position; {@code finishRatingRunStep} closes the run and writes the summary. A failed run
 * restarted with the same parameters continues the same rating run, and only its unfinished partitions.
 */
@Configuration(proxyBeanMethods = false)
public class RatingJobConfiguration {

    public static final String JOB_NAME = "ratingJob";
    static final String RUN_ID_KEY = "rating.runId";
    static final int CHUNK_SIZE = 2000;
    static final String PARTITIONS = ScaleOutOptions.PARTITIONS;
    static final int MAX_PARTITIONS = ScaleOutOptions.MAX_PARTITIONS;

    private static final Logger log = LoggerFactory.getLogger(RatingJobConfiguration.class);

    @Bean
    Job ratingJob(JobRepository jobRepository, Step startRatingRunStep, Step rateCdrsStep,
                  Step finishRatingRunStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(RatingJobConfiguration::validate)
                .start(startRatingRunStep)
                .next(rateCdrsStep)
                .next(finishRatingRunStep)
                .build();
    }

    /** The scope named by the job parameters {@code period}, {@code account}, {@code trunk}. */
    static RatingScope scope(JobParameters parameters) {
        return new RatingScope(blankToNull(parameters.getString("period")),
                blankToNull(parameters.getString("account")), blankToNull(parameters.getString("trunk")));
    }

    /** The job parameter {@code partitions}: how many partitions, and threads, rate the CDRs (default 1). */
    static int partitions(JobParameters parameters) {
        return ScaleOutOptions.partitions(parameters).orElse(1);
    }

    private static void validate(JobParameters parameters) throws InvalidJobParametersException {
        try {
            partitions(parameters);
            RatingScope scope = scope(parameters);
            if (scope.period() != null) {
                BillingPeriod.parse(scope.period());
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidJobParametersException(JOB_NAME + ": " + e.getMessage());
        }
    }

    @Bean
    Step startRatingRunStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            RatingRunRepository runs, RateTableRepository rateTables) {
        return new StepBuilder("startRatingRunStep", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    JobExecution job = contribution.getStepExecution().getJobExecution();
                    RatingScope scope = scope(job.getJobParameters());
                    Long ratesVersion = rateTables.activeVersion(RateTable.RATES).orElse(null);
                    long runId = runs.start(scope, ratesVersion,
                            rateTables.activeVersion(RateTable.CHANNEL_PLANS).orElse(null), job.getId(),
                            Instant.now());
                    job.getExecutionContext().putLong(RUN_ID_KEY, runId);
                    log.info("rating run {}: {} with rates version {}", runId, scope,
                            ratesVersion == null ? "none (no rates imported)" : ratesVersion);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /**
     * The manager: splits the run into partitions and runs them, each as a step execution of its own, on threads
     * of this process or, with a broker ({@code --broker}), in {@code trunkbill worker} processes.
     */
    @Bean
    Step rateCdrsStep(JobRepository jobRepository, Step rateCdrsPartitionStep, PartitionHandlers partitionHandlers) {
        return new StepBuilder("rateCdrsStep", jobRepository)
                .partitioner("rateCdrsStep", new AccountPartitioner())
                .partitionHandler(partitionHandlers.forStep(rateCdrsPartitionStep, RatingJobConfiguration::partitions))
                .aggregator(new PartitionStatusAggregator())
                .build();
    }

    /** One partition: reads, rates and writes its accounts' CDRs in chunks. */
    @Bean
    Step rateCdrsPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               CdrPageReader rateCdrsReader, RatingProcessor rateCdrsProcessor,
                               RatedCdrWriter rateCdrsWriter, ProgressListener rateCdrsProgress,
                               ObjectProvider<ItemWriteListener<RatingOutcome>> writeListeners) {
        ChunkOrientedStepBuilder<RatingCandidate, RatingOutcome> step =
                new StepBuilder("rateCdrsPartitionStep", jobRepository).<RatingCandidate, RatingOutcome>chunk(CHUNK_SIZE)
                        .transactionManager(transactionManager)
                        .reader(rateCdrsReader)
                        .processor(rateCdrsProcessor)
                        .writer(rateCdrsWriter)
                        .listener(rateCdrsProgress);
        writeListeners.orderedStream().forEach(step::listener);
        return step.build();
    }

    /** Per partition: partitions run at the same time, each reports its own progress. */
    @Bean
    @StepScope
    ProgressListener rateCdrsProgress() {
        return new ProgressListener();
    }

    @Bean
    @StepScope
    CdrPageReader rateCdrsReader(@Value("#{jobExecutionContext['" + RUN_ID_KEY + "']}") Long runId,
                                 @Value("#{stepExecutionContext['" + AccountPartitioner.INDEX_KEY + "']}") Integer index,
                                 @Value("#{stepExecutionContext['" + AccountPartitioner.COUNT_KEY + "']}") Integer count,
                                 RatedCdrRepository ratedCdrs, RatingRunRepository runs) {
        return new CdrPageReader(ratedCdrs, runs, runId, new AccountPartition(index, count), CHUNK_SIZE);
    }

    /** Loads the run's rate-table version and the inventory once per step execution. */
    @Bean
    @StepScope
    RatingProcessor rateCdrsProcessor(@Value("#{jobExecutionContext['" + RUN_ID_KEY + "']}") Long runId,
                                      RatingRunRepository runs, RateTableRepository rateTables,
                                      InventoryRepository inventory) {
        RatingRun run = runs.find(runId);
        // A restarted run keeps the rate-table version it started with.
        RateBook rateBook = RateBook.of(run.ratesVersionId() == null ? List.of()
                : rateTables.rates(run.ratesVersionId()));
        log.info("rating run {}: {} rate rows loaded", runId, rateBook.size());
        return new RatingProcessor(new RatingEngine(), rateBook, inventory.accounts(), inventory.trunkTimelines());
    }

    @Bean
    @StepScope
    RatedCdrWriter rateCdrsWriter(@Value("#{jobExecutionContext['" + RUN_ID_KEY + "']}") Long runId,
                                  @Value("#{stepExecutionContext['" + AccountPartitioner.INDEX_KEY + "']}") Integer index,
                                  RatedCdrRepository ratedCdrs, RatingRunRepository runs) {
        return new RatedCdrWriter(ratedCdrs, runs, runId, index);
    }

    @Bean
    Step finishRatingRunStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             RatingRunRepository runs, RatedCdrRepository ratedCdrs) {
        return new StepBuilder("finishRatingRunStep", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    JobExecution job = contribution.getStepExecution().getJobExecution();
                    long runId = job.getExecutionContext().getLong(RUN_ID_KEY);
                    runs.finish(runId, Instant.now());
                    RatingRun run = runs.find(runId);
                    List<CurrencyTotal> totals = runs.totals(runId);
                    summary(run, totals).forEach(line -> JobSummary.add(contribution.getStepExecution(), line));
                    int ratingErrors = ratedCdrs.currentRatingErrors();
                    if (ratingErrors > 0) {
                        String line = ratingErrorsLine(ratingErrors);
                        log.warn(line);
                        JobSummary.add(contribution.getStepExecution(), line);
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /**
     * {@code rating run 7: rated by this run 19,512 CDRs (NO_RATE 12 pending), anomalies 40; changed 19,512;
     * cost by currency: USD 1234.5678901234}
     * and, for a re-rating, a second line with the change: {@code re-rated period 2026-10: 1,234 CDRs, 56 changed,
     * cost delta USD +12.3400000000}.
     */
    static List<String> summary(RatingRun run, List<CurrencyTotal> totals) {
        String costs = totals.isEmpty() ? "none" : totals.stream()
                .map(total -> total.currency() + " " + total.cost().toPlainString())
                .collect(Collectors.joining(", "));
        String rated = String.format(Locale.ROOT, "rating run %d: rated by this run %,d CDRs (NO_RATE %,d pending), anomalies %,d;"
                        + " changed %,d; cost by currency: %s", run.runId(), run.cdrsRated(), run.cdrsNoRate(),
                run.cdrsAnomalous(), run.cdrsChanged(), costs);
        if (!run.scope().isReRating()) {
            return List.of(rated);
        }
        String deltas = totals.isEmpty() ? "0" : totals.stream()
                .map(total -> total.currency() + " " + signed(total.costDelta()))
                .collect(Collectors.joining(", "));
        return List.of(rated, String.format(Locale.ROOT, "re-rated %s: %,d CDRs, %,d changed, cost delta %s",
                run.scope(), run.cdrsRated(), run.cdrsChanged(), deltas));
    }

    /** The warning after a run that leaves CDRs set aside: how many and where they are listed. */
    static String ratingErrorsLine(int ratingErrors) {
        return String.format(Locale.ROOT, "warning: %,d CDRs could not be rated and are set aside as RATING_ERROR"
                + " (not invoiced); `trunkbill report --period P` lists them with the reason in"
                + " reports/P/reconciliation-detail.csv; every `rate` tries them again", ratingErrors);
    }

    private static String signed(BigDecimal amount) {
        return (amount.signum() >= 0 ? "+" : "") + amount.toPlainString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
