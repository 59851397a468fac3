package io.rectify.nightly;

import io.rectify.intake.Archive;
import io.rectify.intake.FoundFile;
import io.rectify.intake.PeriodFolderScanner;
import io.rectify.intake.PeriodScan;
import io.rectify.intake.ReadLimits;
import io.rectify.intake.ReadOutcome;
import io.rectify.intake.ReturnReader;
import io.rectify.intake.ReviewOutcome;
import io.rectify.intake.ReviewReader;
import io.rectify.ledger.LedgerVersion;
import io.rectify.ledger.LedgerVersions;
import io.rectify.ops.Parallel;
import io.rectify.ops.RectifyProperties;
import io.rectify.reconcile.CheckedFile;
import io.rectify.reconcile.CheckedFiles;
import io.rectify.reconcile.PeriodChecks;
import io.rectify.reconcile.PeriodReviews;
import io.rectify.reconcile.ReconcileResult;
import io.rectify.reconcile.Reconciler;
import io.rectify.rule.FileOutcome;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.run.RunFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Ingests and reconciles the run's period. Every period folder before it is reconciled again
 * first, in order, each as of its own last day and against the ledger version it was judged with
 * (today's only when {@code --rejudge} asks for it): a period's statuses are carried forward from the
 * one before, so a return that arrived late for an earlier month must reach this month's figures.
 * An earlier period whose inputs are those it was last reconciled from (its
 * {@link PeriodFingerprints fingerprint}: files, ledger, settings, build and the stored period
 * before it) is kept as stored, unread; the run's own period is always reconciled. Within a period reconciled,
 * a workbook unchanged since it was last checked with the same period-wide inputs ({@link PeriodFingerprints#periodWide})
 * is taken as checked then ({@link CheckedFiles}), not read again, and the store replaces only the units
 * whose state changed ({@code rectify.incremental=false}: every workbook is read).
 * Each period's review workbooks ({@code <input>/reviews/<YYYY-MM>/}, docs/REVIEWS.md) are part of its inputs: read
 * with the same care and applied to its state. Every workbook is archived before it is read; the input folder is only read. Files modified in
 * the last {@code rectify.settle-seconds} are waited for, up to {@code rectify.settle-wait-seconds}, then left
 * for the next run; every file is read within the
 * {@code rectify.limits}.
 * <p>
 * Each period is one chunk: reconciling it and noting it as done in the step's context commit
 * together. A job stopped between periods (serve shutting down) or failed in one is restarted
 * from the first period not done; a period reconciled again replaces its own stored state, so
 * nothing is counted twice. The run's period leaves the job's figures ({@link RunFigures}).
 */
@Component
class IngestTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(IngestTasklet.class);
    /** Step-context key: the last period reconciled by this step, YYYY-MM. */
    private static final String RECONCILED = "ingest.reconciled";
    /** Job-context key: the notes, in Chinese, on earlier periods kept as published as their ledger cannot be read again. */
    static final String KEPT_NOTES = "ingest.kept";

    private final Reconciler reconciler;
    private final Archive archive;
    private final ReadLimits limits;
    private final ReturnReader reader;
    private final ReviewReader reviewReader;
    private final Duration settle;
    private final Duration settleWait;
    private final PeriodFingerprints fingerprints;
    private final AsOfCheck asOfCheck;
    private final LedgerVersions versions;
    private final CheckedFiles checkedFiles;
    /** Whether unchanged workbooks are taken as checked before (rectify.incremental, on by default). */
    private final boolean incremental;

    IngestTasklet(Reconciler reconciler, RectifyProperties properties, PeriodFingerprints fingerprints, AsOfCheck asOfCheck,
                  LedgerVersions versions, CheckedFiles checkedFiles,
                  @Value("${rectify.incremental:true}") boolean incremental) {
        this.reconciler = reconciler;
        this.checkedFiles = checkedFiles;
        this.incremental = incremental;
        this.versions = versions;
        this.asOfCheck = asOfCheck;
        this.fingerprints = fingerprints;
        this.archive = new Archive(properties.data());
        this.limits = ReadLimits.of(properties.limits());
        this.reader = new ReturnReader(limits);
        this.reviewReader = new ReviewReader(limits);
        this.settle = properties.settle();
        this.settleWait = properties.settleWait();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        RunParameters run = RunParameters.of(step.getJobParameters());
        PeriodFolderScanner scanner = new PeriodFolderScanner(run.returnsFolder(), settle, settleWait);
        PeriodFolderScanner reviewScanner = new PeriodFolderScanner(run.reviewsFolder(), settle, settleWait);
        String reconciled = step.getExecutionContext().getString(RECONCILED, null);
        if (reconciled == null) {
            asOfCheck.check(step.getJobParameters().getLocalDate("asOf"), reconciler.versionFor(run.period(), run.asOf(), true));
            log.info("Reading returns within limits: {}; files modified less than {} s ago are waited for up to {} s, "
                    + "then left for the next run", limits.describe(), settle.toSeconds(), settleWait.toSeconds());
        }
        long start = System.nanoTime();
        Optional<Next> next = nextToReconcile(scanner, reviewScanner, run, step);
        if (next.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        PeriodScan scan = next.get().scan();
        YearMonth period = scan.period();
        boolean last = period.equals(run.period());
        PeriodChecks checks = reconciler.checks(period, asOf(run, period), next.get().version());
        String periodWide = fingerprints.periodWide(next.get().reviews(), asOf(run, period), next.get().version());
        Map<FoundFile, CheckedFile> unchanged = unchanged(checks, scan, periodWide);
        PeriodRead files = read(scan, unchanged, checks, contribution);
        PeriodReviews reviews = readReviews(next.get().reviews());
        long read = System.nanoTime();
        ReconcileResult result = reconciler.reconcile(checks, scan, files.checked(), reviews);
        List<ReadOutcome> refusals = new ArrayList<>(files.refusals().values());
        checkedFiles.keep(scan, periodWide, files.read(), files.refusals().entrySet().stream()
                .filter(e -> PeriodFingerprints.momentary(e.getValue())).map(Map.Entry::getKey).toList());
        reviews.outcomes().values().stream().filter(o -> o instanceof ReviewOutcome.Refused)
                .forEach(o -> refusals.add(((ReviewOutcome.Refused) o).refusal()));
        fingerprints.record(scan, next.get().reviews(), asOf(run, period), next.get().version(), refusals);
        // stage timings and what was done again: what the office compares night to night, and what the benchmarks parse
        log.info("Ingested {}; read in {} ms, reconciled in {} ms; units reconciled again {}, kept {}; "
                + "files read {}, unchanged {}", result.summary(), millis(start, read), millis(read, System.nanoTime()),
                result.units().reconciled(), result.units().kept(), files.read().size(), unchanged.size());
        step.getExecutionContext().putString(RECONCILED, period.toString());
        if (last) {
            ReconcileResult.Files counted = result.files();
            RunFigures.putFiles(step.getJobExecution().getExecutionContext(), counted.total(),
                    counted.count(FileOutcome.ACCEPTED), counted.count(FileOutcome.REJECTED));
            ReconcileResult.Exceptions exceptions = result.exceptions();
            RunFigures.putExceptions(step.getJobExecution().getExecutionContext(), exceptions.errors(),
                    exceptions.warnings(), exceptions.infos());
        }
        return last ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }

    static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /** A period to reconcile: its scan, its reviews folder's scan and the ledger version it is judged with. */
    private record Next(PeriodScan scan, PeriodScan reviews, Optional<LedgerVersion> version) {
    }

    /**
     * The earliest period still to reconcile. An earlier period whose fingerprint is unchanged is
     * noted as done on the way, with a line in the log, and not read.
     */
    private Optional<Next> nextToReconcile(PeriodFolderScanner scanner, PeriodFolderScanner reviewScanner,
                                           RunParameters run, StepExecution step) throws IOException {
        for (Optional<YearMonth> next = nextPeriod(scanner, run.period(), step.getExecutionContext().getString(RECONCILED, null));
                next.isPresent(); next = nextPeriod(scanner, run.period(), next.get().toString())) {
            PeriodScan scan = scanner.scan(next.get());
            PeriodScan reviews = reviewScanner.scan(next.get());
            Optional<LedgerVersion> version = judgedWith(run, next.get());
            if (next.get().equals(run.period())) {
                return Optional.of(new Next(scan, reviews, version));
            }
            String fingerprint = fingerprints.of(scan, reviews, asOf(run, next.get()), version);
            if (fingerprints.unchanged(scan, reviews, fingerprint)) {
                log.info("{} unchanged since its last reconcile (fingerprint {}), kept", next.get(),
                        PeriodFingerprints.brief(fingerprint));
            } else if (!keptUnjudgeable(next.get(), version, step)) {
                return Optional.of(new Next(scan, reviews, version));
            }
            step.getExecutionContext().putString(RECONCILED, next.get().toString());
        }
        return Optional.empty();
    }

    /**
     * Whether an earlier period is kept as published, unread, because the ledger version its stored
     * state was judged with cannot be read again: judging it with today's ledger instead would change
     * what was published. Said in the log and in the run's end summary, with how to re-judge it.
     */
    private boolean keptUnjudgeable(YearMonth period, Optional<LedgerVersion> version, StepExecution step) {
        if (reconciler.judgedWith(period).isEmpty()) {
            return false;
        }
        Optional<String> unreadable = versions.unreadable(version);
        if (unreadable.isEmpty()) {
            return false;
        }
        log.warn("{} changed, but {}: it is kept as published, not judged again with today's ledger; "
                + "--rejudge={} judges it with the current ledger", period, unreadable.get(), period);
        var context = step.getJobExecution().getExecutionContext();
        String note = Periods.text(period) + "的报表有变动，但当时评判所用的台账版本已无法重新读取，该期保持已发布的结果，未重新汇总；"
                + "如需按现行台账重新评判，请加 --rejudge=" + period + " 再运行。";
        String notes = context.getString(KEPT_NOTES, "");
        context.putString(KEPT_NOTES, notes.isEmpty() ? note : notes + "\n" + note);
        return true;
    }

    /**
     * The ledger version a period is judged with ({@link Reconciler#versionFor}); the current one
     * when the office asked for it to be judged again ({@code --rejudge}), with a warning naming the
     * period and both versions when that changes its version.
     */
    private Optional<LedgerVersion> judgedWith(RunParameters run, YearMonth period) {
        Optional<LedgerVersion> version = reconciler.versionFor(period, asOf(run, period), period.equals(run.period()));
        if (!run.rejudges(period)) {
            return version;
        }
        Optional<LedgerVersion> current = reconciler.currentVersion();
        if (version.isPresent() && !version.equals(current)) {
            log.warn("Re-judging {} with the current ledger version {} instead of version {} it was judged with, as "
                    + "--rejudge asked: its stored figures and exceptions are replaced", period,
                    current.map(v -> String.valueOf(v.id())).orElse("(none)"), version.get().id());
        }
        return current;
    }

    /** The run's period is reconciled as of the run's date, every earlier one as of its own last day. */
    private static LocalDate asOf(RunParameters run, YearMonth period) {
        return period.equals(run.period()) ? run.asOf() : period.atEndOfMonth();
    }

    /** The earliest period still to reconcile: the period folders before the run's period, then the run's period. */
    private static Optional<YearMonth> nextPeriod(PeriodFolderScanner scanner, YearMonth runPeriod, String reconciled)
            throws IOException {
        List<YearMonth> periods = new ArrayList<>(scanner.periods().stream().filter(p -> p.isBefore(runPeriod)).toList());
        periods.add(runPeriod);
        return periods.stream().filter(p -> reconciled == null || p.isAfter(YearMonth.parse(reconciled))).findFirst();
    }

    /**
     * A file that cannot be archived as scanned (changed or vanished meanwhile) is refused, never
     * half-read. A file over the size limit is refused unread and not archived.
     */
    private ReadOutcome archiveAndRead(FoundFile file) {
        if (!reader.withinSizeLimit(file)) {
            return reader.read(file);
        }
        return archived(file).map(refused -> (ReadOutcome) refused).orElseGet(() -> reader.read(file));
    }

    /** Archives a file; the refusal when it cannot be (changed or vanished since the scan). */
    private Optional<ReadOutcome.Refused> archived(FoundFile file) {
        try {
            archive.store(file);
            return Optional.empty();
        } catch (IOException e) {
            log.warn("Could not archive {}: {}", file.path(), e.getMessage());
            return Optional.of(new ReadOutcome.Refused(Rule.FILE_UNREADABLE, null, null, null, file.relative(),
                    "文件在读取过程中发生变化或无法复制（可能仍在保存中），本次未读取；请确认文件已保存完毕，下次汇总时将重新读取"));
        }
    }

    /**
     * The review workbooks of a period's reviews folder, each archived and read in path order (a handful: one per
     * group and the 延期审批表). A missing folder is an empty scan: nothing decided.
     */
    private PeriodReviews readReviews(PeriodScan reviews) {
        Map<FoundFile, ReviewOutcome> outcomes = new LinkedHashMap<>();
        for (FoundFile file : reviews.workbooks()) {
            Optional<ReadOutcome.Refused> unarchived = reviewReader.withinSizeLimit(file) ? archived(file) : Optional.empty();
            outcomes.put(file, unarchived.<ReviewOutcome>map(r -> new ReviewOutcome.Refused(r, Optional.empty()))
                    .orElseGet(() -> reviewReader.read(file)));
        }
        return new PeriodReviews(reviews, outcomes);
    }

    /**
     * The workbooks of the scan kept as checked with the same period-wide inputs, unchanged since, and still in
     * the archive (their marked copies are made from it); none when {@code rectify.incremental} is off.
     */
    private Map<FoundFile, CheckedFile> unchanged(PeriodChecks checks, PeriodScan scan, String periodWide) {
        if (!incremental) {
            return Map.of();
        }
        Map<FoundFile, CheckedFile> kept = new LinkedHashMap<>(checkedFiles.unchanged(checks, scan, periodWide));
        kept.keySet().removeIf(f -> !Files.isRegularFile(archive.pathOf(f.sha256())));
        return kept;
    }

    /**
     * A period's workbooks as checked, in scan order; those read this time, and what the reader refused of them
     * (its reasons decide whether the period can be kept unread next time).
     */
    private record PeriodRead(Map<FoundFile, CheckedFile> checked, Map<FoundFile, CheckedFile> read,
                              Map<FoundFile, ReadOutcome> refusals) {
    }

    /** A workbook as checked, and the reader's refusal when it refused it. */
    private record FileRead(CheckedFile checked, ReadOutcome.Refused refusal) {
    }

    /**
     * Every workbook of the scan but the {@code unchanged} ones archived, read and checked on its own, the files
     * spread over the cores; with the unchanged ones, in scan order. A workbook's cells are dropped once it is checked.
     */
    private PeriodRead read(PeriodScan scan, Map<FoundFile, CheckedFile> unchanged, PeriodChecks checks,
                            StepContribution contribution) throws IOException {
        Map<FoundFile, CheckedFile> read = new LinkedHashMap<>();
        Map<FoundFile, ReadOutcome> refusals = new LinkedHashMap<>();
        List<FoundFile> toRead = scan.workbooks().stream().filter(f -> !unchanged.containsKey(f)).toList();
        IngestProgress progress = new IngestProgress(scan.period(), toRead.size());
        Parallel.forEach(toRead, file -> {
            ReadOutcome outcome = archiveAndRead(file);
            return new FileRead(checks.check(file, outcome), outcome instanceof ReadOutcome.Refused r ? r : null);
        }, (file, result) -> {
            read.put(file, result.checked());
            if (result.refusal() != null) {
                refusals.put(file, result.refusal());
            }
            contribution.incrementReadCount();
            progress.fileRead(result.checked().rowsRead());
        });
        if (!toRead.isEmpty()) {
            progress.finished();
        }
        Map<FoundFile, CheckedFile> checked = new LinkedHashMap<>();
        scan.workbooks().forEach(f -> checked.put(f, unchanged.containsKey(f) ? unchanged.get(f) : read.get(f)));
        return new PeriodRead(checked, read, refusals);
    }
}
