package com.trunkbill.invoice;

import com.trunkbill.batch.JobSummary;
import com.trunkbill.batch.ProgressListener;
import com.trunkbill.batch.TrunkbillExitStatus;
import com.trunkbill.invoice.model.Invoice;
import com.trunkbill.invoice.model.Rounding;
import com.trunkbill.rating.RatedCdrRepository;
import com.trunkbill.rating.RatedCdrRepository.PeriodRating;
import com.trunkbill.support.BillingPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code invoice --period P [--finalize]} (SPEC §2, §5): {@code buildInvoicesStep} builds or rebuilds the drafts and
 * adjustment notes in one transaction; with {@code finalize=true}, {@code finalizeInvoicesStep} finalizes every DRAFT
 * of the period, one invoice per transaction (number and status commit together); {@code writeInvoiceFilesStep}
 * writes every file of the period from the database.
 * <p>
 * Unrated CDRs (issue 12): when the period has accepted CDRs that are neither rated nor rejected (never rated, or
 * RATING_ERROR), the drafts are built with a warning and the job ends COMPLETED with exit code
 * {@value TrunkbillExitStatus#COMPLETED_WITH_UNRATED_CDRS} (the command line exits 3); {@code checkAllRatedStep}
 * makes {@code --finalize} fail before numbering anything.
 */
@Configuration(proxyBeanMethods = false)
public class InvoicingJobConfiguration {

    public static final String JOB_NAME = "invoicingJob";
    private static final Logger log = LoggerFactory.getLogger(InvoicingJobConfiguration.class);
    /** Job execution context key: how many CDRs of the period the build found unrated. */
    static final String UNRATED_CDRS_KEY = "invoice.unratedCdrs";

    @Bean
    Job invoicingJob(JobRepository jobRepository, Step buildInvoicesStep, Step checkAllRatedStep,
                     Step finalizeInvoicesStep, Step writeInvoiceFilesStep) {
        JobExecutionDecider finalizeRequested = (jobExecution, stepExecution) -> new FlowExecutionStatus(
                "true".equals(jobExecution.getJobParameters().getString("finalize")) ? "FINALIZE" : "DRAFTS_ONLY");
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(buildInvoicesStep)
                .next(finalizeRequested).on("FINALIZE").to(checkAllRatedStep).next(finalizeInvoicesStep)
                .next(writeInvoiceFilesStep)
                .from(finalizeRequested).on("*").to(writeInvoiceFilesStep)
                .end()
                .listener(unratedCdrsExitStatus())
                .build();
    }

    /** A completed run whose build found unrated CDRs ends with {@code COMPLETED_WITH_UNRATED_CDRS}. */
    private static JobExecutionListener unratedCdrsExitStatus() {
        return new JobExecutionListener() {
            @Override
            public void afterJob(JobExecution execution) {
                long unrated = execution.getExecutionContext().getLong(UNRATED_CDRS_KEY, 0L);
                if (execution.getStatus() == BatchStatus.COMPLETED && unrated > 0) {
                    execution.setExitStatus(new ExitStatus(TrunkbillExitStatus.COMPLETED_WITH_UNRATED_CDRS,
                            unrated + " CDRs of the period are accepted but neither rated nor rejected"));
                }
            }
        };
    }

    /** {@code --finalize} refuses while the period has unrated CDRs: nothing is numbered, the job fails. */
    @Bean
    Step checkAllRatedStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           RatedCdrRepository ratedCdrs) {
        return new StepBuilder("checkAllRatedStep", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    BillingPeriod period = period(contribution.getStepExecution());
                    PeriodRating rating = ratedCdrs.periodRating(period);
                    if (rating.unrated() > 0) {
                        throw new IllegalStateException("invoice --finalize refused: " + unrated(period, rating)
                                + "; " + whatToRun(period) + "; nothing was finalized");
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /** {@code 2 CDRs of 2026-10 are accepted but neither rated nor rejected (1 never rated, 1 RATING_ERROR)}. */
    static String unrated(BillingPeriod period, PeriodRating rating) {
        return String.format(Locale.ROOT, "%,d CDRs of %s are accepted but neither rated nor rejected (%,d never"
                + " rated, %,d RATING_ERROR)", rating.unrated(), period, rating.notYetRated(), rating.ratingErrors());
    }

    static String whatToRun(BillingPeriod period) {
        return "run `trunkbill rate --period " + period + "`, then see reports/" + period
                + "/reconciliation-detail.csv (`trunkbill report --period " + period + "`) for the CDRs that still"
                + " cannot be rated";
    }

    @Bean
    Step buildInvoicesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           InvoiceBuildService buildService, RatedCdrRepository ratedCdrs) {
        return new StepBuilder("buildInvoicesStep", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    StepExecution step = contribution.getStepExecution();
                    BillingPeriod period = period(step);
                    InvoiceBuildService.BuildResult result = buildService.build(period);
                    contribution.incrementWriteCount(result.built() + result.adjustmentNotes());
                    JobSummary.add(step, String.format("period %s: %d invoices built (%d on hold), %d adjustment notes,"
                                    + " %d final unchanged, %d drafts removed", period, result.built(), result.onHold(),
                            result.adjustmentNotes(), result.finalUnchanged(), result.removed()));
                    warnAboutRating(step, period, result, ratedCdrs.periodRating(period));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    ListItemReader<String> draftInvoiceReader(InvoiceRepository invoices,
                                              @Value("#{jobParameters['period']}") String period) {
        return new ListItemReader<>(invoices.draftIds(BillingPeriod.parse(period)));
    }

    @Bean
    Step finalizeInvoicesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              ListItemReader<String> draftInvoiceReader, InvoiceRepository invoices) {
        ItemWriter<String> finalizer = chunk -> {
            for (String invoiceId : chunk) {
                String number = invoices.finalizeInvoice(invoiceId, Instant.now());
                log.info("finalized {} as {}", invoiceId, number);
            }
        };
        // one invoice per chunk: its number and its FINAL status commit (or roll back) together
        return new StepBuilder("finalizeInvoicesStep", jobRepository)
                .<String, String>chunk(1)
                .transactionManager(transactionManager)
                .reader(draftInvoiceReader)
                .writer(finalizer)
                .listener(new ProgressListener())
                .build();
    }

    @Bean
    Step writeInvoiceFilesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               InvoiceFiles files) {
        return new StepBuilder("writeInvoiceFilesStep", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    StepExecution step = contribution.getStepExecution();
                    BillingPeriod period = period(step);
                    List<Invoice> written = files.write(period);
                    contribution.incrementWriteCount(written.size());
                    for (Invoice invoice : written) {
                        JobSummary.add(step, String.format("  %-18s %-26s %-8s %-20s %s %s", invoice.accountId(),
                                invoice.invoiceId(), invoice.status(),
                                invoice.invoiceNumber() == null ? "" : invoice.invoiceNumber(),
                                Rounding.decimal(invoice.total()).toPlainString(), invoice.currency()));
                    }
                    JobSummary.add(step, "wrote " + written.size() + " invoices to " + files.invoiceDir(period)
                            + " and " + files.taxSummary(period));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    /**
     * The build's warnings: unrated CDRs (noted in the job's context for its exit status), or a period with
     * nothing rated and nothing invoiced (issue 11: a command that would do nothing says so).
     */
    private static void warnAboutRating(StepExecution step, BillingPeriod period,
                                        InvoiceBuildService.BuildResult result, PeriodRating rating) {
        step.getJobExecution().getExecutionContext().putLong(UNRATED_CDRS_KEY, rating.unrated());
        String warning = null;
        if (rating.unrated() > 0) {
            warning = "warning: " + unrated(period, rating) + ": these drafts lack their usage; " + whatToRun(period);
        } else if (rating.rated() == 0 && result.built() + result.adjustmentNotes() + result.finalUnchanged() == 0) {
            warning = "warning: nothing rated for " + period + "; run import-cdrs and rate first";
        }
        if (warning != null) {
            log.warn(warning);
            JobSummary.add(step, warning);
        }
    }

    private static BillingPeriod period(StepExecution step) {
        return BillingPeriod.parse(step.getJobExecution().getJobParameters().getString("period"));
    }
}
