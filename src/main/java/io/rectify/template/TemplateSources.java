package io.rectify.template;

import io.rectify.ledger.Ledger;
import io.rectify.ledger.LedgerRepository;
import io.rectify.ledger.LedgerVersion;
import io.rectify.ledger.Unit;
import io.rectify.rule.TaskStatus;
import java.sql.Date;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What templates are made of, from the database: the current ledger and its version, the last
 * known status of every task before a period (table task_status) and each unit's latest
 * accepted 制度建设 and 问责情况 lists (tables institution and accountability).
 */
@Component
public class TemplateSources {

    private final LedgerRepository ledgers;
    private final JdbcClient jdbc;

    TemplateSources(LedgerRepository ledgers, JdbcClient jdbc) {
        this.ledgers = ledgers;
        this.jdbc = jdbc;
    }

    /**
     * The ledger and the history shared by every unit's template for {@code period}.
     *
     * @throws NoLedgerException when no ledger has been imported yet
     */
    public Basis basis(YearMonth period) {
        LedgerVersion version = ledgers.currentVersion().orElseThrow(NoLedgerException::new);
        return new Basis(ledgers.load(), version, period, lastStatuses(period));
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
                basis.lastStatuses(), institutions, accountability);
    }

    /**
     * The status of every task in the latest period before {@code period} that has any, with the
     * evidence of the lead unit's row that gave it: a unit re-sending a completed task unchanged
     * must not be told that its evidence is missing.
     */
    private Map<String, KnownStatus> lastStatuses(YearMonth period) {
        Map<String, KnownStatus> statuses = new HashMap<>();
        jdbc.sql("""
                SELECT s.task_code, s.status, s.completion_date, r.evidence FROM task_status s
                LEFT JOIN return_row r ON r.period = s.source_period AND r.task_code = s.task_code AND r.lead
                WHERE s.period = (SELECT MAX(period) FROM task_status WHERE period < ?)""")
                .param(period.toString())
                .query(rs -> {
                    statuses.put(rs.getString(1), new KnownStatus(TaskStatus.of(rs.getString(2)), date(rs.getDate(3)), rs.getString(4)));
                });
        return Map.copyOf(statuses);
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

    /** The ledger, its version and the last known statuses: read once per run, shared by every unit. */
    public record Basis(Ledger ledger, LedgerVersion version, YearMonth period, Map<String, KnownStatus> lastStatuses) {
    }

    /** No ledger has been imported: templates cannot be made. */
    public static final class NoLedgerException extends IllegalStateException {
        NoLedgerException() {
            super("no ledger has been imported: run import-ledger first (尚未导入整改台账，请先运行 import-ledger 导入台账)");
        }
    }
}
