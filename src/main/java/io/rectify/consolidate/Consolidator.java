package io.rectify.consolidate;

import io.rectify.ledger.Category;
import io.rectify.ledger.DeadlineExtensions;
import io.rectify.ledger.FeedbackPoint;
import io.rectify.ledger.LedgerRepository;
import io.rectify.ledger.LedgerVersion;
import io.rectify.ledger.LedgerVersions;
import io.rectify.ledger.Problem;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.ops.RectifyProperties;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import io.rectify.rule.Severity;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Consolidation: the figures of a period computed from the ledger and from what
 * reconcile stored for the period (statuses, files, accepted rows and lists, exceptions). It
 * derives no status itself.
 */
@Component
public class Consolidator {

    private final LedgerRepository ledgers;
    private final LedgerVersions versions;
    private final ReconcileResults results;
    private final StoredFigures stored;
    private final DeadlineExtensions extensions;
    private final Completion completion;

    Consolidator(LedgerRepository ledgers, LedgerVersions versions, ReconcileResults results, StoredFigures stored,
                 DeadlineExtensions extensions, RectifyProperties properties) {
        this.ledgers = ledgers;
        this.versions = versions;
        this.results = results;
        this.stored = stored;
        this.extensions = extensions;
        this.completion = new Completion(properties.completedMeans());
    }

    /** A period's ledger: the version it was judged with and the extended deadlines in force for it. */
    private record PeriodLedger(Optional<LedgerVersion> version, Map<String, LocalDate> extendedTo) {
    }

    /**
     * The period's figures, roll-ups, lists and receipts; {@code asOf} is the date the figures are as
     * of. Each period, the trend's earlier ones included, is counted against the ledger version it was
     * judged with, so that an earlier period's trend row stays as published after a ledger edit, and with
     * the deadlines in force for it ({@link DeadlineExtensions#inForce}); an earlier period's row is computed
     * once after its reconcile and kept ({@link StoredFigures}).
     */
    public Consolidation consolidate(YearMonth period, LocalDate asOf) {
        Map<PeriodLedger, LedgerLookup> ledgersByVersion = new HashMap<>();
        Function<YearMonth, LedgerLookup> ledgerOf = p -> ledgersByVersion.computeIfAbsent(
                new PeriodLedger(results.judgedWith(p).flatMap(ledgers::version), extensions.inForce(p)),
                l -> new LedgerLookup(versions.ledger(l.version()).extended(l.extendedTo())));
        PeriodRecords records = load(period);
        List<PeriodFigures> trend = new ArrayList<>();
        for (YearMonth earlier : results.periodsUpTo(period)) {
            if (earlier.isBefore(period)) {
                trend.add(stored.of(earlier).orElseGet(() -> {
                    PeriodFigures figures = figures(ledgerOf.apply(earlier), load(earlier));
                    stored.keep(figures);
                    return figures;
                }));
            }
        }
        LedgerLookup ledger = ledgerOf.apply(period);
        PeriodFigures headline = figures(ledger, records);
        trend.add(headline);
        List<UnitFigures> units = units(ledger, records);
        ReturnDeadlines deadlines = ReturnDeadlines.of(ledger.ledger().info(), period, asOf);
        return new Consolidation(period, asOf, ledger.ledger().info().title(), ledger.ledger().groups(), headline,
                categories(ledger, records.board()), feedbackPoints(ledger, records.board()),
                problems(ledger, records.board()), units, groups(ledger, units, records.board()),
                InstitutionRegister.deduplicate(records.institutions(), ledger),
                sortedByUnit(records.accountability(), ledger), List.copyOf(trend), records.exceptions(),
                receipts(ledger, units, records, deadlines), reviews(ledger, records), completion);
    }

    /** The periods the nightly has stored (consolidated statuses), oldest first: those {@link #consolidate} can show. */
    public List<YearMonth> periods() {
        return results.periods();
    }

    /**
     * What the period's review workbooks list: its tasks 待销号 with the rows that reported them, the regressions
     * of tasks signed off in the stored period before, the tasks signed off earlier, its extension requests.
     */
    private Reviews reviews(LedgerLookup ledger, PeriodRecords records) {
        YearMonth period = records.period();
        TaskBoard board = records.board();
        Map<String, ReconcileResults.SourceRow> sources = results.signOffSources(period);
        Set<String> regressed = records.exceptions().stream().filter(e -> e.rule() == Rule.REGRESSION)
                .map(ExceptionEntry::taskCode).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, TaskStatusRow> before = regressed.isEmpty() ? Map.of() : results.periodsUpTo(period).stream()
                .filter(p -> p.isBefore(period)).reduce((a, b) -> b).map(results::statuses).orElse(Map.of());
        List<Reviews.AwaitingSignOff> awaiting = new ArrayList<>();
        List<Reviews.SignedOffTask> regressions = new ArrayList<>();
        List<Reviews.SignedOffTask> signedOff = new ArrayList<>();
        for (Task task : ledger.ledger().tasks()) {
            TaskStatusRow state = board.state(task);
            Unit lead = ledger.unit(task.leadUnit());
            TaskStatusRow previous = before.get(task.code());
            if (state.awaitingSignOff()) {
                ReconcileResults.SourceRow row = sources.get(task.code());
                awaiting.add(new Reviews.AwaitingSignOff(task, lead, state.completionDate(),
                        row == null ? null : row.evidence(), row == null ? null : row.progress(), state.sourcePeriod(),
                        row == null ? null : row.file(), row == null ? null : row.excelRow()));
            } else if (state.signedOff() && state.signedOffIn() != null && state.signedOffIn().isBefore(period)) {
                signedOff.add(new Reviews.SignedOffTask(task, lead, state.signedOffIn(), state.status()));
            } else if (regressed.contains(task.code()) && previous != null && previous.signedOff()) {
                regressions.add(new Reviews.SignedOffTask(task, lead, previous.signedOffIn(), state.status()));
            }
        }
        List<Reviews.RequestedExtension> extensions = results.extensionRequests(period).stream()
                .filter(e -> ledger.task(e.taskCode()) != null)
                .sorted(Comparator.comparingInt((ReconcileResults.ExtensionRow e) -> ledger.taskOrder(e.taskCode()))
                        .thenComparing(ReconcileResults.ExtensionRow::file)
                        .thenComparingInt(ReconcileResults.ExtensionRow::excelRow))
                .map(e -> new Reviews.RequestedExtension(ledger.task(e.taskCode()), ledger.unit(e.unitCode()),
                        e.deadline(), e.requested(), e.reason(), e.file(), e.excelRow()))
                .toList();
        String version = results.judgedWith(period).or(() -> ledgers.currentVersion().map(LedgerVersion::contentHash))
                .orElse("");
        return new Reviews(version, List.copyOf(awaiting), List.copyOf(regressions),
                List.copyOf(signedOff), extensions);
    }

    /** What reconcile stored for one period. */
    private record PeriodRecords(YearMonth period, TaskBoard board, List<PeriodFile> files,
                                 List<ExceptionEntry> exceptions, List<ListedInstitution> institutions,
                                 List<ListedAccountability> accountability) {
    }

    private PeriodRecords load(YearMonth period) {
        List<ExceptionEntry> exceptions = results.exceptions(period);
        return new PeriodRecords(period, new TaskBoard(results.statuses(period), exceptions), results.files(period),
                exceptions, results.currentInstitutions(period), results.currentAccountability(period));
    }

    private PeriodFigures figures(LedgerLookup ledger, PeriodRecords records) {
        TaskBoard board = records.board();
        return new PeriodFigures(records.period(), problemCount(ledger, board, ledger.ledger().problems()),
                board.count(ledger.ledger().tasks()), accountability(records.accountability()),
                institutions(InstitutionRegister.deduplicate(records.institutions(), ledger)),
                submissions(units(ledger, records), records.files()), exceptions(records.exceptions()));
    }

    private static AccountabilityCount accountability(List<ListedAccountability> rows) {
        Map<String, Integer> persons = new HashMap<>();
        rows.forEach(row -> persons.merge(row.kind(), row.persons(), Integer::sum));
        return new AccountabilityCount(persons.getOrDefault(AccountabilityCount.CASE_FILED, 0),
                persons.getOrDefault(AccountabilityCount.DISCIPLINED, 0),
                persons.getOrDefault(AccountabilityCount.ADMONISHED, 0),
                persons.getOrDefault(AccountabilityCount.ORGANIZATIONAL, 0));
    }

    private static InstitutionCount institutions(List<Institution> institutions) {
        return new InstitutionCount(
                (int) institutions.stream().filter(i -> InstitutionCount.CREATED.equals(i.kind())).count(),
                (int) institutions.stream().filter(i -> InstitutionCount.REVISED.equals(i.kind())).count());
    }

    private static SubmissionCount submissions(List<UnitFigures> units, List<PeriodFile> files) {
        int expected = count(units, UnitFigures::expected);
        int accepted = count(units, u -> u.expected() && u.submitted());
        int late = count(units, u -> u.expected() && u.late());
        int rejected = (int) files.stream().filter(PeriodFile::rejected).count();
        return new SubmissionCount(expected, accepted, expected - accepted, late, rejected);
    }

    private static ExceptionCount exceptions(List<ExceptionEntry> exceptions) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        Map<Rule, Integer> byRule = new EnumMap<>(Rule.class);
        for (ExceptionEntry e : exceptions) {
            bySeverity.merge(e.severity(), 1, Integer::sum);
            byRule.merge(e.rule(), 1, Integer::sum);
        }
        return new ExceptionCount(bySeverity.getOrDefault(Severity.ERROR, 0),
                bySeverity.getOrDefault(Severity.WARNING, 0), bySeverity.getOrDefault(Severity.INFO, 0),
                Collections.unmodifiableMap(byRule));
    }

    private static List<UnitFigures> units(LedgerLookup ledger, PeriodRecords records) {
        Map<String, List<PeriodFile>> filesByUnit = byUnit(records.files(), PeriodFile::unitCode);
        List<UnitFigures> units = new ArrayList<>();
        for (Unit unit : ledger.ledger().units()) {
            List<PeriodFile> files = filesByUnit.getOrDefault(unit.code(), List.of());
            PeriodFile accepted = files.stream().filter(PeriodFile::accepted)
                    .max(Comparator.comparing(PeriodFile::submittedOn, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparingLong(PeriodFile::id))
                    .orElse(null);
            units.add(new UnitFigures(unit, ledger.expected(unit), accepted,
                    files.stream().filter(PeriodFile::rejected).toList(),
                    records.board().count(ledger.leadTasksOf(unit))));
        }
        return List.copyOf(units);
    }

    private static List<CategoryFigures> categories(LedgerLookup ledger, TaskBoard board) {
        List<CategoryFigures> figures = new ArrayList<>();
        for (Category category : ledger.ledger().categories()) {
            List<Problem> problems = ledger.ledger().problems().stream()
                    .filter(p -> p.categorySeq() == category.seq()).toList();
            figures.add(new CategoryFigures(category.seq(), category.title(), problemCount(ledger, board, problems),
                    board.count(tasksOf(ledger, problems))));
        }
        return List.copyOf(figures);
    }

    private static List<FeedbackPointFigures> feedbackPoints(LedgerLookup ledger, TaskBoard board) {
        List<FeedbackPointFigures> figures = new ArrayList<>();
        for (FeedbackPoint point : ledger.ledger().feedbackPoints()) {
            List<Problem> problems = ledger.ledger().problems().stream()
                    .filter(p -> Objects.equals(p.feedbackPointSeq(), point.seq())).toList();
            figures.add(new FeedbackPointFigures(point.seq(), ledger.category(point.categorySeq()), point.title(),
                    problemCount(ledger, board, problems), board.count(tasksOf(ledger, problems))));
        }
        for (Category category : ledger.ledger().categories()) {
            List<Problem> unplaced = ledger.ledger().problems().stream()
                    .filter(p -> p.feedbackPointSeq() == null && p.categorySeq() == category.seq()).toList();
            if (!unplaced.isEmpty()) {
                figures.add(new FeedbackPointFigures(0, category.title(), "", problemCount(ledger, board, unplaced),
                        board.count(tasksOf(ledger, unplaced))));
            }
        }
        return List.copyOf(figures);
    }

    private static List<ProblemFigures> problems(LedgerLookup ledger, TaskBoard board) {
        return ledger.ledger().problems().stream()
                .map(p -> new ProblemFigures(p.code(), ledger.category(p.categorySeq()),
                        ledger.feedbackPoint(p.feedbackPointSeq()), p.description(), board.count(ledger.tasksOf(p))))
                .toList();
    }

    private static List<GroupFigures> groups(LedgerLookup ledger, List<UnitFigures> units, TaskBoard board) {
        List<GroupFigures> figures = new ArrayList<>();
        for (String group : ledger.ledger().groups()) {
            List<UnitFigures> members = units.stream().filter(u -> group.equals(u.unit().group())).toList();
            List<Task> tasks = members.stream().flatMap(u -> ledger.leadTasksOf(u.unit()).stream()).toList();
            figures.add(new GroupFigures(group, members.size(), count(members, UnitFigures::expected),
                    count(members, u -> u.expected() && u.submitted()), board.count(tasks)));
        }
        return List.copyOf(figures);
    }

    /** The units' receipts, each built when it is asked for: its reported rows are read from the database then. */
    private List<UnitReceipt> receipts(LedgerLookup ledger, List<UnitFigures> units, PeriodRecords records,
                                       ReturnDeadlines deadlines) {
        Map<String, List<PeriodFile>> files = byUnit(records.files(), PeriodFile::unitCode);
        Map<String, List<ListedInstitution>> institutions = byUnit(records.institutions(), ListedInstitution::unitCode);
        Map<String, List<ListedAccountability>> accountability = byUnit(records.accountability(), ListedAccountability::unitCode);
        Map<String, List<ExceptionEntry>> exceptions = byUnit(records.exceptions(), ExceptionEntry::unitCode);
        TaskBoard board = records.board();
        return new OnDemandList<>(units, figures -> {
            String code = figures.unit().code();
            Map<String, AcceptedRow> rows = new HashMap<>();
            for (AcceptedRow row : results.acceptedRows(records.period(), code)) {
                rows.putIfAbsent(row.taskCode(), row);
            }
            List<ExceptionEntry> unitExceptions = exceptions.getOrDefault(code, List.of());
            Map<String, String> rejections = rowRejections(unitExceptions);
            List<ReceiptTask> tasks = new ArrayList<>();
            Set<String> reported = new HashSet<>(rows.keySet());
            reported.addAll(rejections.keySet());
            for (Task task : ledger.tasksOfUnit(figures.unit(), reported)) {
                AcceptedRow row = rows.get(task.code());
                tasks.add(new ReceiptTask(task, task.leadUnit().equals(code), row,
                        row == null ? rejections.get(task.code()) : null, board.state(task),
                        board.overdue(task), board.dueSoon(task)));
            }
            return new UnitReceipt(figures, files.getOrDefault(code, List.of()), List.copyOf(tasks),
                    institutions.getOrDefault(code, List.of()), accountability.getOrDefault(code, List.of()),
                    unitExceptions, deadlines);
        });
    }

    /**
     * The messages of a unit's 整改进展 row errors by task, and of its rows written without a status
     * (task-not-reported on a row): why its rows of these tasks were not adopted. A rejected 延期申请 row
     * leaves the task's progress row as it was.
     */
    private static Map<String, String> rowRejections(List<ExceptionEntry> exceptions) {
        Map<String, String> rejections = new HashMap<>();
        for (ExceptionEntry e : exceptions) {
            boolean rowWithoutStatus = e.rule() == Rule.TASK_NOT_REPORTED && e.row() != null;
            if ((UnitReceipt.rejectsProgressRow(e) || rowWithoutStatus) && e.taskCode() != null) {
                rejections.merge(e.taskCode(), e.message(), (a, b) -> a + "；" + b);
            }
        }
        return rejections;
    }

    /** Items by unit code, each list in the items' order; items without a unit are left out. */
    private static <T> Map<String, List<T>> byUnit(List<T> items, Function<T, String> unitCode) {
        Map<String, List<T>> byUnit = new HashMap<>();
        for (T item : items) {
            String code = unitCode.apply(item);
            if (code != null) {
                byUnit.computeIfAbsent(code, k -> new ArrayList<>()).add(item);
            }
        }
        return byUnit;
    }

    private static ProblemCount problemCount(LedgerLookup ledger, TaskBoard board, List<Problem> problems) {
        return board.problems(problems.stream().map(ledger::tasksOf).toList());
    }

    private static List<Task> tasksOf(LedgerLookup ledger, List<Problem> problems) {
        return problems.stream().flatMap(p -> ledger.tasksOf(p).stream()).toList();
    }

    private static List<ListedAccountability> sortedByUnit(List<ListedAccountability> rows, LedgerLookup ledger) {
        return rows.stream().sorted(Comparator.comparingInt((ListedAccountability r) -> ledger.unitOrder(r.unitCode()))
                .thenComparing(ListedAccountability::unitCode).thenComparingInt(ListedAccountability::excelRow)).toList();
    }

    private static <T> int count(List<T> items, Predicate<T> test) {
        return (int) items.stream().filter(test).count();
    }
}
