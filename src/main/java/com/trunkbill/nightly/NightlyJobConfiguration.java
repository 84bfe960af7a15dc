package com.trunkbill.nightly;

import com.trunkbill.batch.TrunkbillExitStatus;
import org.jooq.DSLContext;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;
import java.util.function.Function;

/**
 * nightlyJob (SPEC §2): import-inventory, import-rates, import-cdrs (canonical files of the CDR inbox, then its
 * {@code asterisk/} and {@code freeswitch/} folders when present), rate, draft invoices and reports for the
 * month to date, then the previous month's invoices and reports while any of them is not FINAL. Each stage is
 * a step running that stage's own job; a failed night restarts from the failed stage.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

    @Bean
    Job nightlyJob(JobRepository jobRepository, JobOperator jobOperator, DSLContext db,
                   @Qualifier("inventoryImportJob") Job inventoryImportJob,
                   @Qualifier("rateTableImportJob") Job rateTableImportJob,
                   @Qualifier("cdrImportJob") Job cdrImportJob,
                   @Qualifier("ratingJob") Job ratingJob,
                   @Qualifier("invoicingJob") Job invoicingJob,
                   @Qualifier("reportingJob") Job reportingJob) {
        NightlyStages stages = new NightlyStages(db);
        StageFactory stage = (name, job, parameters) -> new ChildJobStep(name, jobRepository, job, jobOperator,
                parameters);
        return new JobBuilder("nightlyJob", jobRepository)
                .start(stage.of("nightlyImportInventoryStep", inventoryImportJob, stages::inventory))
                .next(stage.of("nightlyImportRatesStep", rateTableImportJob, stages::rates))
                .next(stage.of("nightlyImportCdrsStep", cdrImportJob, night -> stages.cdrs(night, "canonical")))
                .next(stage.of("nightlyImportAsteriskCdrsStep", cdrImportJob,
                        night -> stages.cdrs(night, "asterisk")))
                .next(stage.of("nightlyImportFreeswitchCdrsStep", cdrImportJob,
                        night -> stages.cdrs(night, "freeswitch")))
                .next(stage.of("nightlyRateStep", ratingJob, stages::rating))
                .next(stage.of("nightlyInvoiceStep", invoicingJob, stages::invoices))
                .next(stage.of("nightlyReportStep", reportingJob, stages::reports))
                .next(stage.of("nightlyPreviousMonthInvoiceStep", invoicingJob, stages::previousMonthInvoices))
                .next(stage.of("nightlyPreviousMonthReportStep", reportingJob, stages::previousMonthReports))
                .listener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution night) {
                        // an invoice stage that found unrated CDRs makes the whole night end that way (exit 3)
                        if (night.getStatus() == BatchStatus.COMPLETED
                                && night.getExecutionContext().containsKey(ChildJobStep.UNRATED_CDRS_KEY)) {
                            night.setExitStatus(new ExitStatus(TrunkbillExitStatus.COMPLETED_WITH_UNRATED_CDRS,
                                    night.getExecutionContext().getString(ChildJobStep.UNRATED_CDRS_KEY)));
                        }
                    }
                })
                .build();
    }

    @FunctionalInterface
    private interface StageFactory {
        Step of(String name, Job job, Function<JobParameters, Optional<JobParameters>> parameters);
    }
}
