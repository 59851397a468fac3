package io.rectify.nightly;

import io.rectify.intake.Archive;
import io.rectify.intake.FoundFile;
import io.rectify.intake.PeriodFolderScanner;
import io.rectify.intake.PeriodScan;
import io.rectify.intake.ReadOutcome;
import io.rectify.intake.ReturnReader;
import io.rectify.ops.Parallel;
import io.rectify.ops.RectifyProperties;
import io.rectify.reconcile.ReconcileResult;
import io.rectify.reconcile.Reconciler;
import io.rectify.rule.Rule;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Ingests and reconciles the run's period. Every period folder before it is reconciled again
 * first, in order, each as of its own last day: a period's statuses are carried forward from the
 * one before, so a return that arrived late for an earlier month must reach this month's figures.
 * Every workbook is archived before it is read; the input folder is only read.
 */
@Component
class IngestTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(IngestTasklet.class);

    private final Reconciler reconciler;
    private final Archive archive;
    private final ReturnReader reader = new ReturnReader();

    IngestTasklet(Reconciler reconciler, RectifyProperties properties) {
        this.reconciler = reconciler;
        this.archive = new Archive(properties.data());
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        RunParameters run = RunParameters.of(chunkContext.getStepContext().getStepExecution().getJobParameters());
        PeriodFolderScanner scanner = new PeriodFolderScanner(run.returnsFolder());
        List<YearMonth> periods = new ArrayList<>(scanner.periods().stream().filter(p -> p.isBefore(run.period())).toList());
        periods.add(run.period());
        for (YearMonth period : periods) {
            long start = System.nanoTime();
            PeriodScan scan = scanner.scan(period);
            Map<FoundFile, ReadOutcome> outcomes = read(scan, contribution);
            long read = System.nanoTime();
            ReconcileResult result = reconciler.reconcile(period,
                    period.equals(run.period()) ? run.asOf() : period.atEndOfMonth(), scan, outcomes);
            // stage timings: what the office compares night to night, and what the benchmarks parse
            log.info("Ingested {}; read in {} ms, reconciled in {} ms", result.summary(), millis(start, read),
                    millis(read, System.nanoTime()));
        }
        return RepeatStatus.FINISHED;
    }

    static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /** A file that cannot be archived as scanned (changed or vanished meanwhile) is refused, never half-read. */
    private ReadOutcome archiveAndRead(FoundFile file) {
        try {
            archive.store(file);
        } catch (IOException e) {
            log.warn("Could not archive {}: {}", file.path(), e.getMessage());
            return new ReadOutcome.Refused(Rule.FILE_UNREADABLE, null, null, null, file.relative(),
                    "文件在读取过程中发生变化或无法复制（可能仍在保存中），本次未读取；请确认文件已保存完毕，下次汇总时将重新读取");
        }
        return reader.read(file);
    }

    /** Every workbook of the scan archived and read, the files spread over the cores; in scan order. */
    private Map<FoundFile, ReadOutcome> read(PeriodScan scan, StepContribution contribution) throws IOException {
        List<FoundFile> files = scan.workbooks();
        List<ReadOutcome> read = Parallel.map(files, this::archiveAndRead);
        Map<FoundFile, ReadOutcome> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            outcomes.put(files.get(i), read.get(i));
            contribution.incrementReadCount();
        }
        return outcomes;
    }
}
