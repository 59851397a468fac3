package io.rectify.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.TestFolders;
import io.rectify.intake.FoundFile;
import io.rectify.intake.PeriodScan;
import io.rectify.intake.ReadOutcome;
import io.rectify.ledger.Category;
import io.rectify.ledger.Deadline;
import io.rectify.ledger.FeedbackPoint;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.LedgerInfo;
import io.rectify.ledger.LedgerRepository;
import io.rectify.ledger.LedgerVersion;
import io.rectify.ledger.Problem;
import io.rectify.ledger.Task;
import io.rectify.ledger.Unit;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.Rule;
import io.rectify.rule.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real H2 database with a small ledger of two groups, four units and four tasks:
 * <pre>
 *   P01-01  problem P01  lead U01 区发改委  cooperating U02  deadline 2024-03-20
 *   P01-02  problem P01  lead U01 区发改委                    deadline 2024-04-10
 *   P02-01  problem P02  lead U02 区财政局  cooperating U04  长期坚持
 *   P02-02  problem P02  lead U03 区教育局  cooperating U01  deadline 2024-06-30
 * </pre>
 * U01, U02 are in 第一督查组, U03, U04 in 第二督查组; U04 区卫健委 leads nothing. 反馈日期
 * 2023-08-29, 报送截止日 5. Runs as of 2024-03-31 unless a test says otherwise. Returns are real
 * workbooks: {@link #period} folders are written with POI and go through {@link io.rectify.intake.PeriodFolderScanner}
 * and {@link io.rectify.intake.ReturnReader}, each file through {@link PeriodChecks#check}, before
 * {@link Reconciler#reconcile}.
 */
@SpringBootTest
abstract class ReconcileTestSupport {

    static final String LEDGER_VERSION = "ledger-version-1";
    static final LocalDate AS_OF = LocalDate.parse("2024-03-31");

    /**
     * The database folder of every reconcile test class: the same properties give them one cached
     * Spring context, closed (and H2 with it) when the JVM ends.
     */
    private static final Path SHARED_ROOT = TestFolders.shared("reconcile-tests");

    /** The input folders of one test; every {@link #period} is written to a fresh one. */
    @TempDir
    Path files;
    private int folders;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        TestFolders.register(registry, SHARED_ROOT);
    }

    @Autowired
    Reconciler reconciler;
    @Autowired
    LedgerRepository ledgers;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void freshLedger() {
        for (String table : List.of("review_decision", "review_file", "rule_exception", "task_status", "institution",
                "accountability", "extension_request", "deadline_extension", "return_row", "return_file", "period_ledger",
                "stored_part",
                "ledger_version")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        ledgers.replace(ledger(), LEDGER_VERSION, "整改台账.xlsx", Instant.parse("2024-03-01T00:00:00Z"), null);
    }

    static Ledger ledger() {
        List<Unit> units = List.of(
                new Unit("U01", "区发改委", "第一督查组", null, null),
                new Unit("U02", "区财政局", "第一督查组", null, null),
                new Unit("U03", "区教育局", "第二督查组", null, null),
                new Unit("U04", "区卫健委", "第二督查组", null, null));
        List<Task> tasks = List.of(
                new Task("P01-01", "P01", "建立重大项目联审机制", "U01", Deadline.on(LocalDate.parse("2024-03-20")), List.of("U02")),
                new Task("P01-02", "P01", "开展专项检查", "U01", Deadline.on(LocalDate.parse("2024-04-10")), List.of()),
                new Task("P02-01", "P02", "健全预算绩效管理制度", "U02", Deadline.NONE, List.of("U04")),
                new Task("P02-02", "P02", "完善教育收费管理", "U03", Deadline.on(LocalDate.parse("2024-06-30")), List.of("U01", "U04")));
        return new Ledger(new LedgerInfo("巡视整改", LocalDate.parse("2023-08-29"), 5), List.of("第一督查组", "第二督查组"),
                units, List.of(new Category(1, "政治建设方面")), List.of(new FeedbackPoint(1, 1, "落实决策部署不到位")),
                List.of(new Problem("P01", 1, 1, "重大项目推进不力"), new Problem("P02", 1, 1, "财政资金管理不规范")), tasks);
    }

    /** Stores {@link #ledger()} with one task's 完成时限 written otherwise, as a new ledger would be imported. */
    void ledgerWithDeadline(String task, Deadline deadline) {
        Ledger ledger = ledger();
        List<Task> tasks = ledger.tasks().stream().map(t -> !t.code().equals(task) ? t
                : new Task(t.code(), t.problemCode(), t.measure(), t.leadUnit(), deadline, t.cooperators())).toList();
        ledgers.replace(new Ledger(ledger.info(), ledger.groups(), ledger.units(), ledger.categories(),
                ledger.feedbackPoints(), ledger.problems(), tasks), LEDGER_VERSION, "整改台账.xlsx",
                Instant.parse("2024-03-01T00:00:00Z"), null);
    }

    /** A period folder of its own input folder: what another folder of the same period held does not leak in. */
    PeriodFolder period(String period) {
        return new PeriodFolder(files.resolve("input-" + ++folders), period);
    }

    ReconcileResult reconcile(PeriodFolder folder) {
        return reconcile(folder, AS_OF);
    }

    ReconcileResult reconcile(PeriodFolder folder, LocalDate asOf) {
        return reconcile(folder.period(), asOf, folder.scan(), folder.outcomes(), reconciler.currentVersion(),
                folder.reviews());
    }

    /** As the nightly job does it: each workbook read checked on its own, then the period reconciled. */
    ReconcileResult reconcile(YearMonth period, LocalDate asOf, PeriodScan scan, Map<FoundFile, ReadOutcome> outcomes) {
        return reconcile(period, asOf, scan, outcomes, reconciler.currentVersion(), PeriodReviews.none(period));
    }

    /** The period folder reconciled as of {@link #AS_OF}, judged with the ledger {@code version}. */
    ReconcileResult reconcile(PeriodFolder folder, Optional<LedgerVersion> version) {
        return reconcile(folder.period(), AS_OF, folder.scan(), folder.outcomes(), version, folder.reviews());
    }

    private ReconcileResult reconcile(YearMonth period, LocalDate asOf, PeriodScan scan,
                                      Map<FoundFile, ReadOutcome> outcomes, Optional<LedgerVersion> version,
                                      PeriodReviews reviews) {
        PeriodChecks checks = reconciler.checks(period, asOf, version);
        Map<FoundFile, CheckedFile> checked = new LinkedHashMap<>();
        outcomes.forEach((file, outcome) -> checked.put(file, checks.check(file, outcome)));
        return reconciler.reconcile(checks, scan, checked, reviews);
    }

    /** The stored exception list of a period, in its stored order. */
    List<ExceptionEntry> exceptions(String period) {
        return jdbc.sql("""
                SELECT rule, group_name, unit_code, unit_name, problem_code, task_code, file, sheet, excel_row, col,
                       cell_value, message, severity FROM rule_exception WHERE period = ? ORDER BY seq""")
                .param(period)
                .query((rs, n) -> {
                    ExceptionEntry e = new ExceptionEntry(Rule.of(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            (Integer) rs.getObject(9), rs.getString(10), rs.getString(11), rs.getString(12));
                    assertThat(rs.getString(13)).isEqualTo(e.severity().code());
                    return e;
                }).list();
    }

    List<ExceptionEntry> exceptions(String period, Rule rule) {
        return exceptions(period).stream().filter(e -> e.rule() == rule).toList();
    }

    /** The one exception of {@code rule} in the period (fails when there is none or several). */
    ExceptionEntry only(String period, Rule rule) {
        List<ExceptionEntry> found = exceptions(period, rule);
        assertThat(found).as("%s exceptions in %s: %s", rule.code(), period, found).hasSize(1);
        return found.get(0);
    }

    /** Asserts where an exception points and about whom. */
    static void assertEntry(ExceptionEntry e, Severity severity, String unit, String task, String file, Integer row,
                            String column, String value) {
        assertThat(e.severity()).as("severity").isEqualTo(severity);
        assertThat(e.unitCode()).as("unit").isEqualTo(unit);
        assertThat(e.taskCode()).as("task").isEqualTo(task);
        assertThat(e.file()).as("file").isEqualTo(file);
        assertThat(e.row()).as("row").isEqualTo(row);
        assertThat(e.column()).as("column").isEqualTo(column);
        assertThat(e.value()).as("value").isEqualTo(value);
        assertThat(e.message()).as("message").isNotBlank();
    }

    /** Each stored file's outcome by path. */
    Map<String, String> outcomes(String period) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        jdbc.sql("SELECT path, outcome FROM return_file WHERE period = ? ORDER BY path").param(period)
                .query(rs -> {
                    outcomes.put(rs.getString(1), rs.getString(2));
                });
        return outcomes;
    }

    /** A task's stored status in a period: "status completionDate sourcePeriod". */
    String status(String period, String task) {
        return jdbc.sql("SELECT status, completion_date, source_period FROM task_status WHERE period = ? AND task_code = ?")
                .params(period, task)
                .query((rs, n) -> rs.getString(1) + " " + rs.getDate(2) + " " + rs.getString(3)).single();
    }
}
