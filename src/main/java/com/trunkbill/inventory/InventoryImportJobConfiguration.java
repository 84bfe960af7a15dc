package com.trunkbill.inventory;

import com.trunkbill.support.InputFolder;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;

/**
 * {@code inventoryImportJob} (SPEC §2, §3.1): one tasklet step that applies a whole inventory snapshot in one
 * transaction. Inventories are small (thousands of rows), so "all or nothing" is simpler and safer than
 * chunks: a file refused whole leaves the database as it was. Parameters: {@code dir} (required),
 * {@code as-of} (ISO instant; the launcher always sets it).
 */
@Configuration(proxyBeanMethods = false)
public class InventoryImportJobConfiguration {

    @Bean
    Job inventoryImportJob(JobRepository jobRepository, Step importInventoryStep) {
        return new JobBuilder("inventoryImportJob", jobRepository).start(importInventoryStep).build();
    }

    @Bean
    Step importInventoryStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             InventoryRepository inventory, InventorySnapshotStore store,
                             @Value("${trunkbill.output-dir}") Path outputDir,
                             @Value("${" + InputFolder.FOLLOW_SYMLINKS + ":false}") boolean followSymlinks) {
        return new StepBuilder("importInventoryStep", jobRepository)
                .tasklet(new InventoryImportTasklet(inventory, store, outputDir, followSymlinks), transactionManager)
                .build();
    }
}
