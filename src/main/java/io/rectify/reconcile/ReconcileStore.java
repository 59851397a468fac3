package io.rectify.reconcile;

import io.rectify.reconcile.InstitutionIdentity.Key;
import io.rectify.rule.ExceptionEntry;
import io.rectify.rule.SignOff;
import io.rectify.rule.TaskStatus;
import io.rectify.rule.Verdict;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.stereotype.Repository;

/**
 * The returns tables of V3 for reconcile: the state of the period before a given one, the ledger
 * version a period was judged with (V7), and the replacement of everything stored for a period,
 * written in batches.
 */
@Repository
class ReconcileStore {

    /** Longest cell value and message rule_exception holds. */
    private static final int TEXT_LIMIT = 4000;
    /** Rows per JDBC batch. */
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    ReconcileStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each task's status in the latest period before {@code period} that was reconciled, by task code. */
    Map<String, TaskState> statusesBefore(YearMonth period) {
        Map<String, TaskState> states = new HashMap<>();
        // one instance of each period: a city carries 400,000 states forward
        Map<String, String> periods = new HashMap<>();
        jdbc.query("""
                SELECT task_code, status, completion_date, source_period, sign_off, signed_off_period FROM task_status
                WHERE period = (SELECT MAX(period) FROM task_status WHERE period < ?)""",
                rs -> {
                    String task = rs.getString(1);
                    String sourcePeriod = rs.getString(4);
                    String signedOffPeriod = rs.getString(6);
                    states.put(task, new TaskState(task, TaskStatus.of(rs.getString(2)), toLocalDate(rs.getDate(3)),
                            sourcePeriod == null ? null : periods.computeIfAbsent(sourcePeriod, w -> w),
                            SignOff.of(rs.getString(5)),
                            signedOffPeriod == null ? null : periods.computeIfAbsent(signedOffPeriod, w -> w)));
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

    /** The content hash of the ledger version {@code period} was last judged with (V7); empty when it has no stored state. */
    Optional<String> judgedWith(YearMonth period) {
        return jdbc.queryForList("SELECT ledger_hash FROM period_ledger WHERE period = ?", String.class, period.toString())
                .stream().findFirst();
    }

    /** Whether a period after {@code period} has stored state. */
    boolean laterPeriodStored(YearMonth period) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM task_status WHERE period > ?)", Boolean.class, period.toString()));
    }

    /**
     * Deletes everything stored for {@code period} and stores its new state, judged with the ledger
     * version of content hash {@code ledgerHash} (null when no ledger was imported), with the files of its
     * reviews folder and the sign-off decisions taken from them.
     */
    void replace(YearMonth period, String ledgerHash, List<ReturnFile> files, List<CheckedReturn> used,
                 List<TaskState> states, List<ExceptionEntry> exceptions, List<ReviewFile> reviewFiles,
                 List<ReviewDecision> decisions) {
        String p = period.toString();
        // period_fingerprint (V5) goes too: what the nightly job records of the new state's inputs comes after;
        // the rows referring to a file go before it
        for (String table : List.of("period_fingerprint", "period_ledger", "rule_exception", "task_status",
                "institution", "accountability", "extension_request", "return_row", "return_file", "review_decision",
                "review_file")) {
            jdbc.update("DELETE FROM " + table + " WHERE period = ?", p);
        }
        // the trend rows of this period and the later ones (lists in force come from the periods before)
        jdbc.update("DELETE FROM period_figures WHERE period >= ?", p);
        if (ledgerHash != null) {
            jdbc.update("INSERT INTO period_ledger (period, ledger_hash) VALUES (?, ?)", p, ledgerHash);
        }
        long firstId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM return_file", Long.class) + 1;
        Map<String, Long> ids = new HashMap<>();
        Map<String, CheckedReturn> usedByPath = new HashMap<>();
        used.forEach(c -> usedByPath.put(c.file().path(), c));
        Batch fileRows = new Batch("""
                INSERT INTO return_file (id, period, path, size_bytes, sha256, modified_at, unit_code, submitted_on,
                    reporter, phone, ledger_marker, outcome, late, has_institutions, has_accountability)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        for (ReturnFile file : files) {
            long id = firstId + ids.size();
            ids.put(file.path(), id);
            CheckedReturn checked = usedByPath.get(file.path());
            fileRows.add(id, p, file.path(),
                    file.found() == null ? null : file.found().size(), file.found() == null ? null : file.found().sha256(),
                    file.found() == null ? null : Timestamp.from(file.found().modifiedAt()),
                    file.unit() == null ? null : file.unit().code(), toDate(file.submittedOn()),
                    file.reporter(), file.phone(), file.marker(), file.outcome().word(), file.late(),
                    checked != null && checked.institutions().replaces(),
                    checked != null && checked.accountability().replaces());
        }
        fileRows.flush();
        Batch rows = new Batch("""
                INSERT INTO return_row (file_id, period, unit_code, task_code, lead, status, completion_date, progress,
                    evidence, remark, excel_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        Batch institutions = new Batch("""
                INSERT INTO institution (file_id, period, unit_code, name, doc_no, kind, issued_on, task_ref, doc_key,
                    name_key, excel_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        Batch accountability = new Batch("""
                INSERT INTO accountability (file_id, period, unit_code, kind, persons, problem_ref, note, excel_row)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
        Batch requests = new Batch("""
                INSERT INTO extension_request (file_id, period, unit_code, task_code, deadline, requested, reason, excel_row)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
        for (CheckedReturn checked : used) {
            long id = ids.get(checked.file().path());
            String unit = checked.file().unit().code();
            for (ReportedRow r : checked.progress().rows()) {
                rows.add(id, p, unit, r.task().code(), r.lead(), r.status().word(), toDate(r.completionDate()),
                        r.progress(), r.evidence(), r.remark(), r.excelRow());
            }
            for (InstitutionRow i : checked.institutions().rows()) {
                institutions.add(id, p, unit, i.name(), i.docNo(), i.kind(), toDate(i.issuedOn()),
                        i.taskRef(), i.key().docKey(), i.key().nameKey(), i.excelRow());
            }
            for (AccountabilityRow a : checked.accountability().rows()) {
                accountability.add(id, p, unit, a.kind(), a.persons(), a.problemRef(), a.note(), a.excelRow());
            }
            for (ExtensionRequest r : checked.extensions()) {
                requests.add(id, p, unit, r.task().code(), toDate(r.task().deadline().date()), toDate(r.requested()),
                        r.reason(), r.place().row());
            }
        }
        rows.flush();
        institutions.flush();
        accountability.flush();
        requests.flush();
        Batch statuses = new Batch("""
                INSERT INTO task_status (period, task_code, status, completion_date, source_period, sign_off,
                    signed_off_period) VALUES (?, ?, ?, ?, ?, ?, ?)""");
        states.forEach(s -> statuses.add(p, s.taskCode(), s.status().word(), toDate(s.completionDate()), s.sourcePeriod(),
                s.signOff() == null ? null : s.signOff().word(), s.signedOffPeriod()));
        statuses.flush();
        storeReviews(p, reviewFiles, decisions);
        Batch entries = new Batch("""
                INSERT INTO rule_exception (period, seq, rule, severity, group_name, unit_code, unit_name, problem_code,
                    task_code, file, sheet, excel_row, col, cell_value, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        int seq = 0;
        for (ExceptionEntry e : exceptions) {
            entries.add(p, ++seq, e.rule().code(), e.severity().code(), e.group(),
                    e.unitCode(), e.unitName(), e.problemCode(), e.taskCode(), e.file(), e.sheet(), e.row(), e.column(),
                    limit(e.value()), limit(e.message()));
        }
        entries.flush();
    }

    private void storeReviews(String period, List<ReviewFile> files, List<ReviewDecision> decisions) {
        long firstId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM review_file", Long.class) + 1;
        Map<ReviewFile, Long> ids = new HashMap<>();
        Batch fileRows = new Batch("""
                INSERT INTO review_file (id, period, path, size_bytes, sha256, modified_at, kind, group_name, reviewer,
                    reviewed_on, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        for (ReviewFile file : files) {
            long id = firstId + ids.size();
            ids.put(file, id);
            fileRows.add(id, period, file.path(), file.found() == null ? null : file.found().size(),
                    file.found() == null ? null : file.found().sha256(),
                    file.found() == null ? null : Timestamp.from(file.found().modifiedAt()), file.kindWord(), file.group(),
                    file.reviewer(), toDate(file.reviewedOn()), file.outcome().word());
        }
        fileRows.flush();
        Batch decisionRows = new Batch("""
                INSERT INTO review_decision (file_id, period, task_code, verdict, opinion, excel_row)
                VALUES (?, ?, ?, ?, ?, ?)""");
        decisions.forEach(d -> decisionRows.add(ids.get(d.file()), period, d.task().code(), d.verdict().word(),
                d.opinion(), d.row()));
        decisionRows.flush();
    }

    /**
     * Replaces the period's extension decisions (deadline_extension), granted or not, each with the deadline
     * in force before it; the deadlines in force of this period and the later ones come from them.
     */
    void replaceDecisions(YearMonth period, List<ExtensionDecision> decisions) {
        String p = period.toString();
        jdbc.update("DELETE FROM deadline_extension WHERE period = ?", p);
        Batch rows = new Batch("""
                INSERT INTO deadline_extension (period, task_code, granted, previous, requested, extended_to, decided_by,
                    decided_on, file, excel_row, opinion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        for (ExtensionDecision d : decisions) {
            ExtensionRequest r = d.request();
            rows.add(p, r.task().code(), d.verdict() == Verdict.GRANT, toDate(r.task().deadline().date()),
                    toDate(r.requested()), toDate(d.extendedTo()), d.decidedBy(), toDate(d.decidedOn()), d.file(), d.row(),
                    d.opinion());
        }
        rows.flush();
    }

    /**
     * Rows of one INSERT sent in batches of {@link #BATCH}: a period's 400,000 rows are never all
     * held as statement parameters at once. Values are set with setObject (null included), without
     * a per-value look-up of the parameter's SQL type.
     */
    private final class Batch {

        private final String sql;
        private final List<Object[]> pending = new ArrayList<>(BATCH);

        Batch(String sql) {
            this.sql = sql;
        }

        void add(Object... values) {
            pending.add(values);
            if (pending.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            jdbc.execute(sql, (PreparedStatementCallback<int[]>) statement -> {
                for (Object[] values : pending) {
                    for (int i = 0; i < values.length; i++) {
                        statement.setObject(i + 1, values[i]);
                    }
                    statement.addBatch();
                }
                return statement.executeBatch();
            });
            pending.clear();
        }
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
