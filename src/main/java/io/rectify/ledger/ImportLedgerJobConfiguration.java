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

/** The import-ledger command (docs/COMMANDS.md): one step that validates and loads {@code <input>/master/}. */
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
                .tasklet(new ImportLedgerTasklet(importer, properties, false), transactionManager)
                .build();
    }

    /**
     * The first step of the templates and nightly jobs: imports the ledger when its file changed,
     * stops the job on a rejected ledger (its errors are the office's to fix first), and keeps the
     * imported version when master/ holds no workbook.
     */
    @Bean
    Step refreshLedgerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           LedgerImporter importer, RectifyProperties properties) {
        return new StepBuilder("refreshLedgerStep", jobRepository)
                .tasklet(new ImportLedgerTasklet(importer, properties, true), transactionManager)
                .build();
    }
}
