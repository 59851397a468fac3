package io.rectify.template;

import io.rectify.ledger.DeadlineExtensions;
import io.rectify.ledger.Ledger;
import io.rectify.ledger.LedgerRepository;
import io.rectify.ledger.LedgerVersion;
import io.rectify.ledger.Unit;
import io.rectify.rule.Periods;
import io.rectify.rule.Rule;
import io.rectify.rule.TaskStatus;
import java.sql.Date;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What templates are made of, from the database: the current ledger with the deadlines in force
 * (extensions granted before the period) and its version, the last known status of every task
 * before a period (table task_status), what the unit must be told about its tasks of that period
 * (its rows that were not adopted, its tasks returned by sign-off or 回头看, its extensions refused:
 * exceptions in rule_exception) and each unit's latest accepted 制度建设 and 问责情况 lists (tables
 * institution and accountability).
 */
@Component
public class TemplateSources {

    /** Row errors about the 延期申请 sheet, not about the task's row: the receipt tells them, not the next 备注. */
    private static final Set<Rule> EXTENSION_REQUEST_RULES = EnumSet.of(Rule.INVALID_EXTENSION_REQUEST,
            Rule.EXTENSION_NOT_LEAD, Rule.EXTENSION_TOO_LATE);
    /** What the office or a group decided against a task of the unit, and what the unit is to do about it. */
    private static final Map<Rule, String> DECISIONS = Map.of(
            Rule.SIGNOFF_RETURNED, "请整改到位后重新报送已完成并附佐证材料",
            Rule.RECHECK_FAILED, "请整改到位后重新报送已完成并附佐证材料",
            Rule.EXTENSION_REFUSED, "请按现完成时限完成整改");

    private final LedgerRepository ledgers;
    private final DeadlineExtensions extensions;
    private final JdbcClient jdbc;

    TemplateSources(LedgerRepository ledgers, DeadlineExtensions extensions, JdbcClient jdbc) {
        this.ledgers = ledgers;
        this.extensions = extensions;
        this.jdbc = jdbc;
    }


    /**
     * The ledger and the history shared by every unit's template for {@code period}.
     *
     * @throws NoLedgerException when no ledger has been imported yet
     */
    public Basis basis(YearMonth period) {
        LedgerVersion version = ledgers.currentVersion().orElseThrow(NoLedgerException::new);
        YearMonth previous = jdbc.sql("SELECT MAX(period) FROM task_status WHERE period < ?").param(period.toString())
                .query(String.class).optional().map(YearMonth::parse).orElse(null);
        return new Basis(ledgers.load().extended(extensions.inForceBefore(period)), version, period, previous,
                lastStatuses(previous));
    }

    /** One unit's template for {@code period}, prefilled from the database. */
    public UnitTemplate template(String unitCode, YearMonth period) {
        Basis basis = basis(period);
        Unit unit = basis.ledger().units().stream().filter(u -> u.code().equals(unitCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no unit " + unitCode + " in the current ledger"));
        return template(basis, unit);
    }

    UnitTemplate template(Basis basis, Unit unit) {
        List<InstitutionLine> institutions = latestListFile(unit.code(), basis.period(), "has_institutions").map(id -> jdbc.sql("""
                        SELECT name, doc_no, kind, issued_on, task_ref FROM institution WHERE file_id = ? ORDER BY excel_row""")
                .param(id)
                .query((rs, n) -> new InstitutionLine(rs.getString(1), rs.getString(2), rs.getString(3),
                        date(rs.getDate(4)), rs.getString(5)))
                .list()).orElse(List.of());
        List<AccountabilityLine> accountability = latestListFile(unit.code(), basis.period(), "has_accountability").map(id -> jdbc.sql("""
                        SELECT kind, persons, problem_ref, note FROM accountability WHERE file_id = ? ORDER BY excel_row""")
                .param(id)
                .query((rs, n) -> new AccountabilityLine(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list()).orElse(List.of());
        return UnitTemplate.of(basis.ledger(), basis.version().contentHash(), basis.period(), unit,
                basis.lastStatuses(), notes(unit.code(), basis.previous()), institutions, accountability);
    }

    /**
     * The status of every task in {@code previous}, with the evidence of the lead unit's row that gave
     * it: a unit re-sending a completed task unchanged must not be told that its evidence is missing.
     */
    private Map<String, KnownStatus> lastStatuses(YearMonth previous) {
        if (previous == null) {
            return Map.of();
        }
        Map<String, KnownStatus> statuses = new HashMap<>();
        jdbc.sql("""
                SELECT s.task_code, s.status, s.completion_date, r.evidence FROM task_status s
                LEFT JOIN return_row r ON r.period = s.source_period AND r.task_code = s.task_code AND r.lead
                WHERE s.period = ?""")
                .param(previous.toString())
                .query(rs -> {
                    statuses.put(rs.getString(1), new KnownStatus(TaskStatus.of(rs.getString(2)), date(rs.getDate(3)), rs.getString(4)));
                });
        return Map.copyOf(statuses);
    }

    /**
     * The 备注 of the unit's tasks by task code, from the exceptions reconcile stored for the unit in
     * {@code previous}: its rows that were not adopted, then what the group or the office decided
     * against the task (退回, 回头看 不属实, 延期不批准), each a sentence of its own.
     */
    private Map<String, String> notes(String unitCode, YearMonth previous) {
        if (previous == null) {
            return Map.of();
        }
        Map<String, String> notes = new HashMap<>(rejectedRows(unitCode, previous));
        jdbc.sql("""
                SELECT e.task_code, e.rule, e.message FROM rule_exception e
                WHERE e.period = :period AND e.unit_code = :unit AND e.task_code IS NOT NULL AND e.rule IN (:rules)
                ORDER BY e.seq""")
                .param("period", previous.toString()).param("unit", unitCode)
                .param("rules", DECISIONS.keySet().stream().map(Rule::code).toList())
                .query(rs -> {
                    Rule rule = Rule.of(rs.getString(2));
                    String note = "上期（" + Periods.text(previous) + "）" + rule.title() + "：" + rs.getString(3)
                            + "；" + DECISIONS.get(rule);
                    notes.merge(rs.getString(1), note, (a, b) -> a + "\n" + b);
                });
        return notes;
    }

    /**
     * The 备注 of the unit's tasks whose row in its return for {@code previous} was not adopted: the
     * row errors reconcile stored for that period, unit and task (rejected rows are kept only as
     * exceptions), unless another row of the task was accepted. By task code.
     */
    private Map<String, String> rejectedRows(String unitCode, YearMonth previous) {
        List<String> rules = Arrays.stream(Rule.values()).filter(Rule::rejectsRow)
                .filter(r -> !EXTENSION_REQUEST_RULES.contains(r)).map(Rule::code).toList();
        Map<String, String> notes = new HashMap<>();
        jdbc.sql("""
                SELECT e.task_code, e.message FROM rule_exception e
                WHERE e.period = :period AND e.unit_code = :unit AND e.task_code IS NOT NULL AND e.rule IN (:rules)
                  AND NOT EXISTS (SELECT 1 FROM return_row r
                                  WHERE r.period = e.period AND r.unit_code = e.unit_code AND r.task_code = e.task_code)
                ORDER BY e.seq""")
                .param("period", previous.toString()).param("unit", unitCode).param("rules", rules)
                .query(rs -> {
                    notes.merge(rs.getString(1), rs.getString(2), (a, b) -> a + "；" + b);
                });
        notes.replaceAll((task, reasons) -> "上期（" + Periods.text(previous) + "）报送未采纳：" + reasons
                + "；请本期重新填报");
        return notes;
    }

    /**
     * The unit's latest accepted return before {@code period} that had the list's sheet (reconcile's
     * flag column): the one whose list is current, as a return without the sheet leaves it standing.
     */
    private Optional<Long> latestListFile(String unitCode, YearMonth period, String flagColumn) {
        return jdbc.sql("SELECT id FROM return_file WHERE unit_code = ? AND outcome = 'accepted' AND period < ? AND "
                        + flagColumn + " ORDER BY period DESC, submitted_on DESC NULLS LAST, modified_at DESC, id DESC LIMIT 1")
                .params(unitCode, period.toString())
                .query(Long.class)
                .optional();
    }

    private static java.time.LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /**
     * The ledger, its version and the last known statuses: read once per run, shared by every unit.
     *
     * @param previous the latest period before {@code period} with statuses, null when there is none
     */
    public record Basis(Ledger ledger, LedgerVersion version, YearMonth period, YearMonth previous,
                        Map<String, KnownStatus> lastStatuses) {
    }

    /** No ledger has been imported: templates cannot be made. */
    public static final class NoLedgerException extends IllegalStateException {
        NoLedgerException() {
            super("no ledger has been imported: run import-ledger first (尚未导入整改台账，请先运行 import-ledger 导入台账)");
        }
    }
}
