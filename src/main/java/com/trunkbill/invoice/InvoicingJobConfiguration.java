package com.trunkbill.invoice;

import com.trunkbill.batch.JobSummary;
import com.trunkbill.batch.ProgressListener;
import com.trunkbill.invoice.model.Invoice;
import com.trunkbill.invoice.model.Rounding;
import com.trunkbill.support.BillingPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
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

/**
 * {@code invoice --period P [--finalize]} (SPEC §2, §5): {@code buildInvoicesStep} builds or rebuilds the drafts and
 * adjustment notes in one transaction; with {@code finalize=true}, {@code finalizeInvoicesStep} finalizes every DRAFT
 * of the period, one invoice per transaction (number and status commit together); {@code writeInvoiceFilesStep}
 * writes every file of the period from the database.
 */
@Configuration(proxyBeanMethods = false)
public class InvoicingJobConfiguration {

    public static final String JOB_NAME = "invoicingJob";
    private static final Logger log = LoggerFactory.getLogger(InvoicingJobConfiguration.class);

    @Bean
    Job invoicingJob(JobRepository jobRepository, Step buildInvoicesStep, Step finalizeInvoicesStep,
                     Step writeInvoiceFilesStep) {
        JobExecutionDecider finalizeRequested = (jobExecution, stepExecution) -> new FlowExecutionStatus(
                "true".equals(jobExecution.getJobParameters().getString("finalize")) ? "FINALIZE" : "DRAFTS_ONLY");
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(buildInvoicesStep)
                .next(finalizeRequested).on("FINALIZE").to(finalizeInvoicesStep).next(writeInvoiceFilesStep)
                .from(finalizeRequested).on("*").to(writeInvoiceFilesStep)
                .end()
                .build();
    }

    @Bean
    Step buildInvoicesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           InvoiceBuildService buildService) {
        return new StepBuilder("buildInvoicesStep", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    StepExecution step = contribution.getStepExecution();
                    BillingPeriod period = period(step);
                    InvoiceBuildService.BuildResult result = buildService.build(period);
                    contribution.incrementWriteCount(result.built() + result.adjustmentNotes());
                    JobSummary.add(step, String.format("period %s: %d invoices built (%d on hold), %d adjustment notes,"
                                    + " %d final unchanged, %d drafts removed", period, result.built(), result.onHold(),
                            result.adjustmentNotes(), result.finalUnchanged(), result.removed()));
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

    private static BillingPeriod period(StepExecution step) {
        return BillingPeriod.parse(step.getJobExecution().getJobParameters().getString("period"));
    }
}
