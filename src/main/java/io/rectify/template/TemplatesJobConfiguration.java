package io.rectify.template;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.CompositeJobParametersValidator;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code templates --period=YYYY-MM} command: one prefilled return template per unit of the
 * current ledger in {@code <output>/templates/<period>/}. Job parameters: {@code period}
 * (YYYY-MM) and {@code output} (a folder); {@code input} for the ledger refresh.
 */
@Configuration
class TemplatesJobConfiguration {

    static final String JOB = "templatesJob";
    static final String STEP = "writeTemplates";
    private static final int CHUNK = 10;

    /** Templates are made from the ledger file as it is now: a changed ledger is imported first. */
    @Bean
    Job templatesJob(JobRepository jobRepository, Step refreshLedgerStep, Step writeTemplates) {
        return new JobBuilder(JOB, jobRepository)
                .validator(parametersValidator())
                .start(refreshLedgerStep)
                .next(writeTemplates)
                .build();
    }

    @Bean
    Step writeTemplates(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        UnitTemplateReader unitTemplateReader, TemplateFileWriter templateFileWriter) {
        return new StepBuilder(STEP, jobRepository)
                .<UnitTemplate, UnitTemplate>chunk(CHUNK)
                .transactionManager(transactionManager)
                .reader(unitTemplateReader)
                .writer(templateFileWriter)
                .listener(templateFileWriter)
                .build();
    }

    @Bean
    @StepScope
    UnitTemplateReader unitTemplateReader(TemplateSources sources, @Value("#{jobParameters['period']}") String period) {
        return new UnitTemplateReader(sources, YearMonth.parse(period));
    }

    @Bean
    @StepScope
    TemplateFileWriter templateFileWriter(@Value("#{jobParameters['output']}") String output,
                                          @Value("#{jobParameters['period']}") String period) {
        return new TemplateFileWriter(Path.of(output), YearMonth.parse(period));
    }

    private static JobParametersValidator parametersValidator() {
        CompositeJobParametersValidator validator = new CompositeJobParametersValidator();
        JobParametersValidator period = parameters -> {
            String value = parameters.getString("period");
            try {
                if (value.matches("\\d{4}-\\d{2}")) {
                    YearMonth.parse(value);
                    return;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            throw new InvalidJobParametersException("period must be YYYY-MM, got '" + value + "'");
        };
        validator.setValidators(java.util.List.of(
                new DefaultJobParametersValidator(new String[] {"period", "output"}, new String[0]), period));
        return validator;
    }
}
