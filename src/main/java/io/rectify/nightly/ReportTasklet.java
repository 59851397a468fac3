package io.rectify.nightly;

import io.rectify.consolidate.Consolidation;
import io.rectify.consolidate.Consolidator;
import io.rectify.intake.PeriodFolderScanner;
import io.rectify.report.ReportWriter;
import io.rectify.report.WrittenReport;
import io.rectify.run.EndSummary;
import io.rectify.run.RunFigures;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Consolidates the run's period and writes the outputs of docs/OUTPUTS.md to {@code <output>/<period>/}. */
@Component
class ReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

    private final Consolidator consolidator;
    private final ReportWriter writer;
    private final UnitOutputRecords unitOutputs;
    /** Whether unchanged unit outputs are taken over from the previous folder (rectify.incremental, on by default). */
    private final boolean incremental;

    ReportTasklet(Consolidator consolidator, ReportWriter writer, UnitOutputRecords unitOutputs,
                  @Value("${rectify.incremental:true}") boolean incremental) {
        this.consolidator = consolidator;
        this.writer = writer;
        this.unitOutputs = unitOutputs;
        this.incremental = incremental;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        RunParameters run = RunParameters.of(step.getJobParameters());
        long start = System.nanoTime();
        Consolidation consolidation = consolidator.consolidate(run.period(), run.asOf());
        long consolidated = System.nanoTime();
        WrittenReport report = writer.write(consolidation, run.output(), BuildIdentity.current(),
                incremental ? unitOutputs.of(run.period()) : List.of());
        // a failure from here on leaves the outputs recorded as before: the next run writes what it cannot take over
        unitOutputs.record(run.period(), report.unitOutputs());
        contribution.incrementWriteCount(report.files().size());
        log.info("Consolidated {} in {} ms; wrote {} output files to {} in {} ms; unit outputs taken over unchanged {}",
                run.period(), IngestTasklet.millis(start, consolidated), report.files().size(), report.folder(),
                IngestTasklet.millis(consolidated, System.nanoTime()), report.takenOver());
        StringBuilder summary = new StringBuilder(report.consoleSummary());
        for (PeriodFolderScanner.MisnamedFolder misnamed : new PeriodFolderScanner(run.returnsFolder()).misnamed()) {
            log.warn("Folder {} in {} is named like period {} but not YYYY-MM, so it is not read: rename it to {}",
                    misnamed.folder(), run.returnsFolder(), misnamed.period(), misnamed.period());
            summary.append("\n注意：").append(misnamed.advice());
        }
        step.getJobExecution().getExecutionContext().getString(IngestTasklet.KEPT_NOTES, "").lines()
                .forEach(note -> summary.append("\n注意：").append(note));
        step.getJobExecution().getExecutionContext().putString(EndSummary.SUMMARY_KEY, summary.toString());
        RunFigures.putOutputs(step.getJobExecution().getExecutionContext(), report.folder());
        return RepeatStatus.FINISHED;
    }
}
