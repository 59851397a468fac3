package io.rectify.reconcile;

import io.rectify.intake.ReturnLayout;
import io.rectify.reconcile.InstitutionIdentity.Key;
import io.rectify.rule.ExceptionEntry;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The returns tables of V3 for reconcile: the state of the period before a given one, and the
 * replacement of everything stored for a period, written in batches.
 */
@Repository
class ReconcileStore {

    /** Longest cell value and message rule_exception holds. */
    private static final int TEXT_LIMIT = 4000;

    private final JdbcTemplate jdbc;

    ReconcileStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each task's status in the latest period before {@code period} that was reconciled, by task code. */
    Map<String, TaskState> statusesBefore(YearMonth period) {
        Map<String, TaskState> states = new HashMap<>();
        jdbc.query("""
                SELECT task_code, status, completion_date, source_period FROM task_status
                WHERE period = (SELECT MAX(period) FROM task_status WHERE period < ?)""",
                rs -> {
                    states.put(rs.getString(1), new TaskState(rs.getString(1), rs.getString(2),
                            toLocalDate(rs.getDate(3)), rs.getString(4)));
                }, period.toString());
        return states;
    }

    /**
     * Each unit's 制度建设 list in force before {@code period}: the rows of its latest accepted file
     * of an earlier period that replaced its list. By unit code; a unit whose list is empty is absent.
     */
    Map<String, List<Key>> institutionListsBefore(YearMonth period) {
        Map<String, List<Key>> lists = new LinkedHashMap<>();
        jdbc.query("""
                SELECT f.unit_code, i.doc_key, i.name_key FROM institution i
                JOIN return_file f ON f.id = i.file_id
                JOIN (SELECT unit_code, MAX(period) AS period FROM return_file
                      WHERE outcome = 'accepted' AND has_institutions AND period < ? GROUP BY unit_code) l
                  ON l.unit_code = f.unit_code AND l.period = f.period
                WHERE f.outcome = 'accepted'
                ORDER BY f.unit_code, i.excel_row""",
                rs -> {
                    lists.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Key(rs.getString(2), rs.getString(3)));
                }, period.toString());
        return lists;
    }

    /** Deletes everything stored for {@code period} and stores its new state. */
    void replace(YearMonth period, List<ReturnFile> files, List<CheckedReturn> used, List<TaskState> states,
                 List<ExceptionEntry> exceptions) {
        String p = period.toString();
        // period_fingerprint (V5) goes too: what the nightly job records of the new state's inputs comes after
        for (String table : List.of("period_fingerprint", "rule_exception", "task_status", "institution",
                "accountability", "return_row", "return_file")) {
            jdbc.update("DELETE FROM " + table + " WHERE period = ?", p);
        }
        long firstId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM return_file", Long.class) + 1;
        Map<String, Long> ids = new HashMap<>();
        Map<String, CheckedReturn> usedByPath = new HashMap<>();
        used.forEach(c -> usedByPath.put(c.file().path(), c));
        List<Object[]> fileRows = new ArrayList<>();
        for (ReturnFile file : files) {
            long id = firstId + fileRows.size();
            ids.put(file.path(), id);
            CheckedReturn checked = usedByPath.get(file.path());
            fileRows.add(new Object[] {id, p, file.path(),
                    file.found() == null ? null : file.found().size(), file.found() == null ? null : file.found().sha256(),
                    file.found() == null ? null : Timestamp.from(file.found().modifiedAt()),
                    file.unit() == null ? null : file.unit().code(), toDate(file.submittedOn()),
                    file.metadata(ReturnLayout.REPORTER), file.metadata(ReturnLayout.PHONE),
                    file.marker(), file.outcome().word(), file.late(),
                    checked != null && checked.institutions().replaces(),
                    checked != null && checked.accountability().replaces()});
        }
        jdbc.batchUpdate("""
                INSERT INTO return_file (id, period, path, size_bytes, sha256, modified_at, unit_code, submitted_on,
                    reporter, phone, ledger_marker, outcome, late, has_institutions, has_accountability)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", fileRows);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> institutions = new ArrayList<>();
        List<Object[]> accountability = new ArrayList<>();
        for (CheckedReturn checked : used) {
            long id = ids.get(checked.file().path());
            String unit = checked.file().unit().code();
            for (ReportedRow r : checked.progress().rows()) {
                rows.add(new Object[] {id, p, unit, r.task().code(), r.lead(), r.status(), toDate(r.completionDate()),
                        r.progress(), r.evidence(), r.remark(), r.excelRow()});
            }
            for (InstitutionRow i : checked.institutions().rows()) {
                institutions.add(new Object[] {id, p, unit, i.name(), i.docNo(), i.kind(), toDate(i.issuedOn()),
                        i.taskRef(), i.key().docKey(), i.key().nameKey(), i.excelRow()});
            }
            for (AccountabilityRow a : checked.accountability().rows()) {
                accountability.add(new Object[] {id, p, unit, a.kind(), a.persons(), a.problemRef(), a.note(), a.excelRow()});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO return_row (file_id, period, unit_code, task_code, lead, status, completion_date, progress,
                    evidence, remark, excel_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.batchUpdate("""
                INSERT INTO institution (file_id, period, unit_code, name, doc_no, kind, issued_on, task_ref, doc_key,
                    name_key, excel_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", institutions);
        jdbc.batchUpdate("""
                INSERT INTO accountability (file_id, period, unit_code, kind, persons, problem_ref, note, excel_row)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", accountability);
        jdbc.batchUpdate("INSERT INTO task_status (period, task_code, status, completion_date, source_period) VALUES (?, ?, ?, ?, ?)",
                states.stream().map(s -> new Object[] {p, s.taskCode(), s.status(), toDate(s.completionDate()),
                        s.sourcePeriod()}).toList());
        List<Object[]> entries = new ArrayList<>();
        for (ExceptionEntry e : exceptions) {
            entries.add(new Object[] {p, entries.size() + 1, e.rule().code(), e.severity().code(), e.group(),
                    e.unitCode(), e.unitName(), e.problemCode(), e.taskCode(), e.file(), e.sheet(), e.row(), e.column(),
                    limit(e.value()), limit(e.message())});
        }
        jdbc.batchUpdate("""
                INSERT INTO rule_exception (period, seq, rule, severity, group_name, unit_code, unit_name, problem_code,
                    task_code, file, sheet, excel_row, col, cell_value, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries);
    }

    private static String limit(String text) {
        return text == null || text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT - 1) + "…";
    }

    private static Date toDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate toLocalDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
