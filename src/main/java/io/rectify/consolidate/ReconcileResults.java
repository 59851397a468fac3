package io.rectify.consolidate;

import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.FileOutcome;
import io.rectify.rule.Rule;
import io.rectify.rule.SignOff;
import io.rectify.rule.TaskStatus;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads what reconcile stored for the periods (the V3 tables); computes nothing itself. */
@Repository
class ReconcileResults {

    /**
     * The optional sheets of a return whose rows make up a unit's current list; reconcile flags in
     * return_file whether an accepted file had the sheet (absent sheet: the earlier list stands).
     */
    enum ListSheet {
        INSTITUTIONS("has_institutions"), ACCOUNTABILITY("has_accountability");

        private final String flagColumn;

        ListSheet(String flagColumn) {
            this.flagColumn = flagColumn;
        }
    }

    private static final Comparator<PeriodFile> LATEST = Comparator.comparing(PeriodFile::period)
            .thenComparing(PeriodFile::submittedOn, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(PeriodFile::id);

    private static final String FILE_COLUMNS = "f.id, f.period, f.path, f.unit_code, f.submitted_on, f.outcome, f.late, f.sha256";

    private final JdbcClient jdbc;

    ReconcileResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every period with consolidated statuses, oldest first. */
    List<YearMonth> periods() {
        return jdbc.sql("SELECT DISTINCT period FROM task_status ORDER BY period")
                .query(String.class).list().stream().map(YearMonth::parse).toList();
    }

    /** The periods with consolidated statuses, up to and including {@code period}, oldest first. */
    List<YearMonth> periodsUpTo(YearMonth period) {
        return jdbc.sql("SELECT DISTINCT period FROM task_status WHERE period <= ? ORDER BY period")
                .param(period.toString()).query(String.class).list().stream().map(YearMonth::parse).toList();
    }

    /** The content hash of the ledger version the period was judged with; empty when reconcile recorded none. */
    Optional<String> judgedWith(YearMonth period) {
        return jdbc.sql("SELECT ledger_hash FROM period_ledger WHERE period = ?").param(period.toString())
                .query(String.class).optional();
    }

    Map<String, TaskStatusRow> statuses(YearMonth period) {
        Map<String, TaskStatusRow> states = new HashMap<>();
        jdbc.sql("""
                SELECT task_code, status, completion_date, source_period, sign_off, signed_off_period
                FROM task_status WHERE period = ?""")
                .param(period.toString())
                .query(rs -> {
                    states.put(rs.getString(1), new TaskStatusRow(TaskStatus.of(rs.getString(2)), date(rs, 3),
                            period(rs, 4), SignOff.of(rs.getString(5)), period(rs, 6)));
                });
        return states;
    }

    /** Every file of the period folder, in path order. */
    List<PeriodFile> files(YearMonth period) {
        return jdbc.sql("SELECT " + FILE_COLUMNS + " FROM return_file f WHERE f.period = ? ORDER BY f.path")
                .param(period.toString()).query(ReconcileResults::file).list();
    }

    /**
     * The accepted rows of a unit's accepted returns for the period, by Excel row: one unit at a time,
     * so that a city's 400,000 rows with their texts are never all in memory (the unit's files are
     * found by their index, its rows by the file's).
     */
    List<AcceptedRow> acceptedRows(YearMonth period, String unitCode) {
        return jdbc.sql("""
                SELECT r.unit_code, r.task_code, r.lead, r.status, r.completion_date, r.progress, r.evidence, r.excel_row
                FROM return_file f JOIN return_row r ON r.file_id = f.id
                WHERE f.period = ? AND f.unit_code = ? AND f.outcome = 'accepted'
                ORDER BY r.excel_row, r.file_id""")
                .param(period.toString()).param(unitCode)
                .query((rs, n) -> new AcceptedRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), TaskStatus.of(rs.getString(4)),
                        date(rs, 5), rs.getString(6), rs.getString(7), rs.getInt(8)))
                .list();
    }

    /** The period's exception list in report order. */
    List<ExceptionEntry> exceptions(YearMonth period) {
        return jdbc.sql("""
                SELECT rule, group_name, unit_code, unit_name, problem_code, task_code, file, sheet, excel_row, col,
                       cell_value, message
                FROM rule_exception WHERE period = ? ORDER BY seq""")
                .param(period.toString())
                .query((rs, n) -> new ExceptionEntry(Rule.of(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        (Integer) rs.getObject(9), rs.getString(10), rs.getString(11), rs.getString(12)))
                .list();
    }

    /** The lead row of an accepted return that set a task's status. */
    record SourceRow(String taskCode, YearMonth period, String file, int excelRow, String evidence, String progress) {
    }

    /**
     * For each task 待销号 in the period, the lead unit's row that set its status (in the accepted return of its
     * source period; the latest such return when the period had several), by task code.
     */
    Map<String, SourceRow> signOffSources(YearMonth period) {
        Map<String, SourceRow> rows = new HashMap<>();
        jdbc.sql("""
                SELECT r.task_code, r.period, f.path, r.excel_row, r.evidence, r.progress
                FROM task_status s
                JOIN return_row r ON r.period = s.source_period AND r.task_code = s.task_code AND r.lead
                JOIN return_file f ON f.id = r.file_id AND f.outcome = 'accepted'
                WHERE s.period = ? AND s.sign_off = ?
                ORDER BY f.submitted_on NULLS FIRST, f.id, r.excel_row""")
                .param(period.toString()).param(SignOff.AWAITING.word())
                .query(rs -> {
                    rows.put(rs.getString(1), new SourceRow(rs.getString(1), period(rs, 2), rs.getString(3),
                            rs.getInt(4), rs.getString(5), rs.getString(6)));
                });
        return rows;
    }

    /** An accepted row of a used return's 延期申请 sheet. */
    record ExtensionRow(String unitCode, String taskCode, LocalDate deadline, LocalDate requested, String reason,
                        String file, int excelRow) {
    }

    /** The period's accepted extension requests, by file and row. */
    List<ExtensionRow> extensionRequests(YearMonth period) {
        return jdbc.sql("""
                SELECT e.unit_code, e.task_code, e.deadline, e.requested, e.reason, f.path, e.excel_row
                FROM extension_request e JOIN return_file f ON f.id = e.file_id
                WHERE e.period = ? ORDER BY f.path, e.excel_row""")
                .param(period.toString())
                .query((rs, n) -> new ExtensionRow(rs.getString(1), rs.getString(2), date(rs, 3), date(rs, 4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)))
                .list();
    }

    /** Each unit's current institutions: the rows of its latest accepted file up to the period that had the sheet. */
    List<ListedInstitution> currentInstitutions(YearMonth period) {
        Set<Long> files = currentFiles(period, ListSheet.INSTITUTIONS);
        return jdbc.sql("""
                SELECT unit_code, period, file_id, name, doc_no, kind, issued_on, task_ref, excel_row, doc_key, name_key
                FROM institution WHERE period <= ? ORDER BY file_id, excel_row""")
                .param(period.toString())
                .query((rs, n) -> new ListedInstitution(rs.getString(1), YearMonth.parse(rs.getString(2)), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), date(rs, 7), rs.getString(8), rs.getInt(9),
                        rs.getString(10), rs.getString(11)))
                .list().stream().filter(row -> files.contains(row.fileId())).toList();
    }

    /** Each unit's current accountability: the rows of its latest accepted file up to the period that had the sheet. */
    List<ListedAccountability> currentAccountability(YearMonth period) {
        Set<Long> files = currentFiles(period, ListSheet.ACCOUNTABILITY);
        return jdbc.sql("""
                SELECT unit_code, period, file_id, kind, persons, problem_ref, note, excel_row
                FROM accountability WHERE period <= ? ORDER BY file_id, excel_row""")
                .param(period.toString())
                .query((rs, n) -> new ListedAccountability(rs.getString(1), YearMonth.parse(rs.getString(2)),
                        rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getInt(8)))
                .list().stream().filter(row -> files.contains(row.fileId())).toList();
    }

    /** Per unit, the latest accepted file up to the period that carried the sheet. */
    private Set<Long> currentFiles(YearMonth period, ListSheet sheet) {
        List<PeriodFile> accepted = jdbc.sql("SELECT " + FILE_COLUMNS + " FROM return_file f "
                        + "WHERE f.outcome = 'accepted' AND f.unit_code IS NOT NULL AND f.period <= ? AND f."
                        + sheet.flagColumn)
                .param(period.toString()).query(ReconcileResults::file).list();
        return accepted.stream()
                .collect(Collectors.groupingBy(PeriodFile::unitCode, Collectors.maxBy(LATEST)))
                .values().stream().map(latest -> latest.orElseThrow().id()).collect(Collectors.toSet());
    }

    private static PeriodFile file(ResultSet rs, int n) throws SQLException {
        return new PeriodFile(rs.getLong(1), YearMonth.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                date(rs, 5), FileOutcome.of(rs.getString(6)), rs.getBoolean(7), rs.getString(8));
    }

    private static YearMonth period(ResultSet rs, int column) throws SQLException {
        String period = rs.getString(column);
        return period == null ? null : YearMonth.parse(period);
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
