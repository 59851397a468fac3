package io.rectify.reconcile;

import io.rectify.intake.FoundFile;
import io.rectify.intake.PeriodScan;
import io.rectify.ledger.DeadlineExtensions;
import io.rectify.ledger.LedgerRepository;
import io.rectify.ledger.LedgerVersion;
import io.rectify.ledger.LedgerVersions;
import io.rectify.ops.RectifyProperties;
import io.rectify.reconcile.InstitutionIdentity.Key;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.FileOutcome;
import io.rectify.rule.Severity;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reconciles one period's returns against the ledger version it is judged with ({@link #versionFor})
 * and the periods before it: decides what each file of the period folder is, checks the rows of the returns used, sets
 * every task's status for the period and lists the exceptions, then replaces what changed of the
 * period's stored state, unit by unit ({@link ReconcileStore#replace}), in one transaction. Periods are reconciled in order: a period reads the task
 * statuses and lists of the latest earlier period stored, so re-running an earlier period calls
 * for re-running the later ones (the nightly job catches up in order).
 */
@Service
public class Reconciler {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final LedgerRepository ledgers;
    private final LedgerVersions versions;
    private final ReconcileStore store;
    private final DeadlineExtensions extensions;
    private final int dueSoonDays;

    Reconciler(LedgerRepository ledgers, LedgerVersions versions, ReconcileStore store, DeadlineExtensions extensions,
               RectifyProperties properties) {
        this.ledgers = ledgers;
        this.versions = versions;
        this.store = store;
        this.extensions = extensions;
        this.dueSoonDays = properties.dueSoonDays();
    }

    /**
     * The ledger version {@code period} is judged with when reconciled as of {@code asOf}. The run's
     * own period, when no later period is stored, is judged with the current version: a ledger edit
     * applies to it. Any other period keeps the version it was last judged with, so that a ledger edit
     * leaves earlier periods as published; one never judged, the version in force on its as-of day
     * (Asia/Shanghai), else the current one. Only an explicit re-judgement
     * ({@link #currentVersion()} given to {@link #checks}) judges an earlier period with today's ledger.
     */
    public Optional<LedgerVersion> versionFor(YearMonth period, LocalDate asOf, boolean runsPeriod) {
        if (runsPeriod && !store.laterPeriodStored(period)) {
            return ledgers.currentVersion();
        }
        return judgedWith(period)
                .or(() -> ledgers.inForceAt(asOf.plusDays(1).atStartOfDay(FileTriage.ZONE).toInstant()))
                .or(ledgers::currentVersion);
    }

    /** The version {@code period}'s stored state was judged with; empty when it has none, or that version is unknown. */
    public Optional<LedgerVersion> judgedWith(YearMonth period) {
        return store.judgedWith(period).flatMap(ledgers::version);
    }

    public Optional<LedgerVersion> currentVersion() {
        return ledgers.currentVersion();
    }

    /**
     * The checks of {@code period} as of {@code asOf} that each workbook gets as it is read, against
     * the ledger {@code version} (see {@link #versionFor}) with the deadlines in force before the period's own
     * extension decisions.
     */
    public PeriodChecks checks(YearMonth period, LocalDate asOf, Optional<LedgerVersion> version) {
        Map<String, Long> order = new HashMap<>();
        ledgers.versions().forEach(v -> order.put(v.contentHash(), v.id()));
        return new PeriodChecks(new LedgerIndex(versions.ledger(version).extended(extensions.inForceBefore(period))),
                period, asOf, new JudgedVersion(version, order));
    }

    /**
     * Reconciles the period of {@code checks}: which file of each unit is used, the statuses and
     * the exceptions, then the period's review workbooks (docs/REVIEWS.md) applied to that state before
     * the deadline rules, everything stored in place of the period's earlier state.
     *
     * @param scan    the period folder's files
     * @param checked what {@link PeriodChecks#check} gave for each workbook of the scan; a file
     *                byte-identical to an earlier one (by path) needs none, as it is not used
     * @param reviews the period's reviews folder, as read
     */
    @Transactional
    public ReconcileResult reconcile(PeriodChecks checks, PeriodScan scan, Map<FoundFile, CheckedFile> checked,
                                     PeriodReviews reviews) {
        YearMonth period = checks.period();
        if (!scan.period().equals(period) || !reviews.scan().period().equals(period)) {
            throw new IllegalArgumentException("scans of " + scan.period() + " and " + reviews.scan().period()
                    + " given for period " + period);
        }
        LedgerIndex ledger = checks.ledger();
        Findings findings = new Findings(ledger);
        List<ReturnFile> files = checks.triage().triage(scan, checked, findings);
        List<CheckedReturn> used = files.stream().filter(ReturnFile::accepted).map(f -> checked.get(f.found()).rows())
                .toList();
        flagSharedInstitutions(new InstitutionCheck(ledger, findings), used, store.institutionListsBefore(period));
        List<ReviewFile> reviewFiles = new ReviewTriage(ledger, period, findings).triage(reviews);
        ReviewCheck reviewCheck = new ReviewCheck(ledger, period, findings);
        List<ExtensionDecision> extensionDecisions = extensionDecisions(requests(used), reviewFiles, reviewCheck);
        // the deadline rules of this period judge by the deadlines its own 延期审批表 granted
        LedgerIndex inForce = new DecidedExtensions(findings, period).apply(ledger, extensionDecisions);
        TaskRollup rollup = new TaskRollup(inForce, findings, period, checks.asOf(), dueSoonDays);
        TaskRollup.Reported reported = reported(files, checked, used);
        List<TaskState> reportedStates = rollup.rollup(reported, store.statusesBefore(period));

        Map<String, TaskState> byTask = new HashMap<>();
        reportedStates.forEach(s -> byTask.put(s.taskCode(), s));
        List<ReviewDecision> decisions = reviewCheck.signOffs(reviewFiles, byTask);
        List<TaskState> states = reviewCheck.apply(reportedStates, decisions, reported.leadRows());
        rollup.checkDeadlines(states, reported);

        List<ExceptionEntry> exceptions = findings.sorted();
        ReconcileStore.Replaced replaced = store.replace(period, ledger,
                checks.version().version().map(LedgerVersion::contentHash).orElse(null), files, used, states, exceptions,
                reviewFiles, decisions, extensionDecisions);
        ReconcileResult result = result(period, files, used, states, exceptions,
                new ReconcileResult.Units(replaced.units(), replaced.kept()));
        log.info("Reconciled {}", result.summary());
        if (!reviewFiles.isEmpty()) {
            log.info("Reviews of {}: {} file(s), {} accepted; {} sign-off decision(s), {} extension decision(s)", period,
                    reviewFiles.size(), reviewFiles.stream().filter(ReviewFile::accepted).count(), decisions.size(),
                    extensionDecisions.size());
        }
        return result;
    }

    /** The period's accepted extension requests, by task code (at most one per task: the lead unit's used return). */
    private static Map<String, ExtensionRequest> requests(List<CheckedReturn> used) {
        Map<String, ExtensionRequest> requests = new HashMap<>();
        used.forEach(c -> c.extensions().forEach(r -> requests.put(r.task().code(), r)));
        return requests;
    }

    /**
     * The office's decisions in the period's accepted 延期审批表 on this period's {@code requests} (task code → request),
     * each row checked (docs/REVIEWS.md); what the extensions part applies.
     */
    private static List<ExtensionDecision> extensionDecisions(Map<String, ExtensionRequest> requests,
                                                              List<ReviewFile> reviewFiles, ReviewCheck check) {
        return check.extensions(reviewFiles, requests);
    }

    /** duplicate-institution across units, against every unit's list in force after this period. */
    private static void flagSharedInstitutions(InstitutionCheck check, List<CheckedReturn> used,
                                               Map<String, List<Key>> listsBefore) {
        Map<String, List<Key>> lists = new HashMap<>(listsBefore);
        List<InstitutionRow> reported = new ArrayList<>();
        for (CheckedReturn c : used) {
            if (c.institutions().replaces()) {
                lists.put(c.file().unit().code(), c.institutions().rows().stream().map(InstitutionRow::key).toList());
                reported.addAll(c.institutions().rows());
            }
        }
        check.flagShared(reported, lists);
    }

    private static TaskRollup.Reported reported(List<ReturnFile> files, Map<FoundFile, CheckedFile> checked,
                                                List<CheckedReturn> used) {
        Map<String, ReturnFile> usedByUnit = new HashMap<>();
        Map<String, ReportedRow> leadRows = new HashMap<>();
        Map<String, Set<String>> flaggedTasks = new HashMap<>();
        for (CheckedReturn c : used) {
            usedByUnit.put(c.file().unit().code(), c.file());
            flaggedTasks.put(c.file().unit().code(), c.progress().flaggedTasks());
            c.progress().rows().stream().filter(ReportedRow::lead).forEach(r -> leadRows.put(r.task().code(), r));
        }
        Map<String, List<TaskRollup.RejectedFile>> rejectedFiles = new HashMap<>();
        for (ReturnFile f : files) {
            if (f.outcome() == FileOutcome.REJECTED && f.unit() != null) {
                String reason = checked.get(f.found()).fileFindings().stream().filter(e -> e.rule().rejectsFile())
                        .map(ExceptionEntry::message).collect(Collectors.joining("；"));
                rejectedFiles.computeIfAbsent(f.unit().code(), k -> new ArrayList<>())
                        .add(new TaskRollup.RejectedFile(f.path(), reason));
            }
        }
        return new TaskRollup.Reported(usedByUnit, leadRows, flaggedTasks, rejectedFiles);
    }

    private static ReconcileResult result(YearMonth period, List<ReturnFile> files, List<CheckedReturn> used,
                                          List<TaskState> states, List<ExceptionEntry> exceptions,
                                          ReconcileResult.Units units) {
        Map<FileOutcome, Integer> outcomes = new HashMap<>();
        files.forEach(f -> outcomes.merge(f.outcome(), 1, Integer::sum));
        int rowsAccepted = used.stream().mapToInt(c -> c.progress().rows().size()).sum();
        int rowsRead = used.stream().mapToInt(c -> c.progress().rowsFilled()).sum();
        String current = period.toString();
        return new ReconcileResult(period,
                new ReconcileResult.Files(files.size(), outcomes, (int) used.stream().filter(c -> c.file().late()).count()),
                new ReconcileResult.Rows(rowsAccepted, rowsRead - rowsAccepted),
                new ReconcileResult.Tasks(states.size(), (int) states.stream().filter(TaskState::completed).count(),
                        (int) states.stream().filter(s -> !current.equals(s.sourcePeriod())).count()),
                new ReconcileResult.Exceptions(count(exceptions, Severity.ERROR), count(exceptions, Severity.WARNING),
                        count(exceptions, Severity.INFO)), units);
    }

    private static int count(List<ExceptionEntry> exceptions, Severity severity) {
        return (int) exceptions.stream().filter(e -> e.severity() == severity).count();
    }
}
