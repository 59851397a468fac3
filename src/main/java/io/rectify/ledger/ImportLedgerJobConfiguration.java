package io.rectify.ledger;

import io.rectify.ops.RectifyProperties;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The import-ledger command (SPEC §6): one step that validates and loads {@code <input>/master/}. */
@Configuration
class ImportLedgerJobConfiguration {

    @Bean
    Job importLedgerJob(JobRepository jobRepository, Step importLedgerStep) {
        return new JobBuilder("importLedgerJob", jobRepository).start(importLedgerStep).build();
    }

    @Bean
    Step importLedgerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          LedgerImporter importer, RectifyProperties properties) {
        return new StepBuilder("importLedgerStep", jobRepository)
                .tasklet(new ImportLedgerTasklet(importer, properties), transactionManager)
                .build();
    }
}
