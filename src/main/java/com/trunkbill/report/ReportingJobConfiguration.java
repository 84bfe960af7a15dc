package com.trunkbill.report;

import com.trunkbill.batch.JobSummary;
import com.trunkbill.support.BillingPeriod;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code reportingJob} ({@code report --period P}, SPEC §2, §7): one tasklet step, {@code writeReportsStep},
 * that writes every report of the period from the database. Idempotent (complete files, written atomically),
 * so a restart simply writes them again.
 * <p>
 * Reused by the nightly job: the step takes its period(s), in this order, from the job execution context key
 * {@value #PERIODS_KEY} (comma-separated {@code YYYY-MM}, set by an earlier step of the nightly), else the job
 * parameter {@code period}, else the month of the job parameter {@code date} ({@code YYYY-MM-DD}).
 */
@Configuration(proxyBeanMethods = false)
public class ReportingJobConfiguration {

    /** Job execution context key with the periods to report, for jobs that decide them at run time. */
    public static final String PERIODS_KEY = "trunkbill.report.periods";

    @Bean
    Job reportingJob(JobRepository jobRepository, Step writeReportsStep) {
        return new JobBuilder("reportingJob", jobRepository).start(writeReportsStep).build();
    }

    @Bean
    Step writeReportsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          Tasklet writeReportsTasklet) {
        return new StepBuilder("writeReportsStep", jobRepository)
                .tasklet(writeReportsTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Tasklet writeReportsTasklet(PeriodReports reports) {
        return (StepContribution contribution, ChunkContext chunkContext) -> {
            var stepExecution = contribution.getStepExecution();
            for (BillingPeriod period : periods(stepExecution.getJobExecution().getExecutionContext()
                    .getString(PERIODS_KEY, null), stepExecution.getJobParameters())) {
                PeriodReports.Written written = reports.write(period);
                written.summary().forEach(line -> JobSummary.add(stepExecution, line));
                contribution.incrementWriteCount(1);
            }
            return RepeatStatus.FINISHED;
        };
    }

    static List<BillingPeriod> periods(String fromContext, JobParameters parameters) {
        if (fromContext != null && !fromContext.isBlank()) {
            List<BillingPeriod> periods = new ArrayList<>();
            Arrays.stream(fromContext.split(",")).map(String::trim).filter(p -> !p.isEmpty())
                    .map(BillingPeriod::parse).forEach(periods::add);
            return periods;
        }
        String period = parameters.getString("period");
        if (period != null) {
            return List.of(BillingPeriod.parse(period));
        }
        String date = parameters.getString("date");
        if (date != null) {
            return List.of(BillingPeriod.of(LocalDate.parse(date)));
        }
        throw new IllegalArgumentException("writeReportsStep needs the job parameter period (YYYY-MM) or date");
    }
}
