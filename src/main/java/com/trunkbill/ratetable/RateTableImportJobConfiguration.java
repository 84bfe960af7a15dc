package com.trunkbill.ratetable;

import com.trunkbill.batch.JobSummary;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code rateTableImportJob} (SPEC §2, §3.2): one tasklet step, {@code importRateTablesStep}, that imports
 * the four rate-table files of the {@code dir} parameter in ONE transaction. A refused file fails the step,
 * the transaction rolls back and no file of the run is applied; the summary says what each file did.
 */
@Configuration(proxyBeanMethods = false)
public class RateTableImportJobConfiguration {

    public static final String JOB_NAME = "rateTableImportJob";
    public static final String STEP_NAME = "importRateTablesStep";

    @Bean(JOB_NAME)
    Job rateTableImportJob(JobRepository jobRepository, Step importRateTablesStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(importRateTablesStep).build();
    }

    @Bean(STEP_NAME)
    Step importRateTablesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              RateTableImporter importer) {
        return new StepBuilder(STEP_NAME, jobRepository).tasklet((contribution, chunkContext) -> {
            StepExecution step = contribution.getStepExecution();
            Path dir = directory(step.getJobParameters().getString(ImportRatesCommand.DIR));
            RateTableImporter.Result result = importer.importDirectory(dir);
            result.summaryLines().forEach(line -> JobSummary.add(step, line));
            for (long i = 0; i < result.rowsRead(); i++) {
                contribution.incrementReadCount();
            }
            if (result.refused()) {
                throw new RateTableImportRefusedException(result.failureMessage());
            }
            contribution.incrementWriteCount(result.rowsLoaded());
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    /** The {@code dir} parameter, checked again for plain Spring Batch launches that bypass the CLI. */
    private static Path directory(String dir) {
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new RateTableImportRefusedException(JOB_NAME + ": parameter dir=" + dir + " is not a directory");
        }
        return Path.of(dir);
    }
}
