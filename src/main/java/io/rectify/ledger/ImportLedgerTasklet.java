package io.rectify.ledger;

import io.rectify.ops.RectifyProperties;
import io.rectify.run.EndSummary;
import io.rectify.run.RunFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The step of import-ledger. A rejected ledger fails the step without an exception: the errors are
 * the office's to fix, not a crash, so they go to the summary and to 台账校验报告.xlsx instead of a
 * stack trace.
 */
final class ImportLedgerTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ImportLedgerTasklet.class);

    private final LedgerImporter importer;
    private final RectifyProperties properties;
    private final boolean refresh;

    /** @param refresh as a first step of another job: keep the imported version when master/ holds no workbook */
    ImportLedgerTasklet(LedgerImporter importer, RectifyProperties properties, boolean refresh) {
        this.importer = importer;
        this.properties = properties;
        this.refresh = refresh;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        JobParameters parameters = step.getJobParameters();
        Path input = Path.of(parameters.getString("input", properties.input().toString()));
        Path report = Path.of(parameters.getString("output", properties.output().toString()))
                .resolve(LedgerErrorReport.FILE_NAME);
        Path master = input.resolve(LedgerLayout.FOLDER);
        LedgerImport result = refresh ? importer.refresh(master) : importer.importFrom(master);
        String summary = result.summary();
        ExecutionContext figures = step.getJobExecution().getExecutionContext();
        if (!refresh) {
            RunFigures.putFiles(figures, result.file() == null ? 0 : 1, result.rejected() ? 0 : 1, result.rejected() ? 1 : 0);
        }
        if (!refresh || result.rejected()) {
            RunFigures.putExceptions(figures, result.errors().size(), 0, 0);
        }
        if (result.rejected()) {
            RunFigures.putOutputs(figures, report);
            LedgerErrorReport.write(report, result);
            log.error("Ledger rejected with {} error(s); report written to {}", result.errors().size(), report);
            summary += "\n校验报告（每处错误一行）: " + report;
            step.setStatus(BatchStatus.FAILED);
            contribution.setExitStatus(ExitStatus.FAILED.addExitDescription(
                    "整改台账有 " + result.errors().size() + " 处错误，未导入；校验报告: " + report));
        } else if (Files.deleteIfExists(report)) {
            log.info("Removed the check report of an earlier rejected ledger: {}", report);
        }
        step.getJobExecution().getExecutionContext().putString(EndSummary.SUMMARY_KEY, summary);
        return RepeatStatus.FINISHED;
    }
}
