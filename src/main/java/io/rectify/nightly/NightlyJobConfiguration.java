package io.rectify.nightly;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job (docs/COMMANDS.md): refresh the ledger when its file changed, ingest and reconcile the
 * period's returns (catching up the earlier period folders first), then consolidate and write the
 * outputs of docs/OUTPUTS.md. Job parameters: {@code input}, {@code output}, {@code period} (YYYY-MM) and
 * optionally {@code asOf} (a date; default the period's last day).
 */
@Configuration
class NightlyJobConfiguration {

    @Bean
    Job nightlyJob(JobRepository jobRepository, Step refreshLedgerStep, Step ingestStep, Step reportStep) {
        return new JobBuilder("nightlyJob", jobRepository)
                .validator(new DefaultJobParametersValidator(new String[] {"input", "output", "period"}, new String[0]))
                .start(refreshLedgerStep)
                .next(ingestStep)
                .next(reportStep)
                .build();
    }

    @Bean
    Step ingestStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, IngestTasklet tasklet) {
        return new StepBuilder("ingestStep", jobRepository).tasklet(tasklet, transactionManager).build();
    }

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, ReportTasklet tasklet) {
        return new StepBuilder("reportStep", jobRepository).tasklet(tasklet, transactionManager).build();
    }
}
