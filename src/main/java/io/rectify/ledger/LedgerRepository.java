package io.rectify.ledger;

import io.rectify.rule.ScoreItem;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The master ledger in the database. The master tables hold the current version only: storing a
 * new version replaces them in one transaction. History kept elsewhere is keyed by task code and
 * survives a replacement; every version keeps its workbook (V7), so that an earlier one can be read
 * again ({@link LedgerVersions}).
 */
@Repository
public class LedgerRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    LedgerRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    private static final String VERSION_COLUMNS = "id, content_hash, source_file, imported_at";

    public Optional<LedgerVersion> currentVersion() {
        return versionWhere("id = (SELECT MAX(id) FROM ledger_version)");
    }

    /** The version whose workbook has this content hash (a template's marker names one). */
    public Optional<LedgerVersion> version(String contentHash) {
        return versionWhere("content_hash = ?", contentHash);
    }

    /** The 反馈日期 {@code version} gave; empty when it gave none. */
    public Optional<LocalDate> feedbackDate(LedgerVersion version) {
        return jdbc.sql("SELECT feedback_date FROM ledger_version WHERE id = ?").param(version.id())
                .query((rs, n) -> Optional.ofNullable(rs.getDate(1)).map(java.sql.Date::toLocalDate)).single();
    }

    /** The version in force at {@code instant}: the latest one imported before it. */
    public Optional<LedgerVersion> inForceAt(Instant instant) {
        return versionWhere("imported_at < ? ORDER BY id DESC LIMIT 1", Timestamp.from(instant));
    }

    private Optional<LedgerVersion> versionWhere(String condition, Object... params) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM ledger_version WHERE " + condition)
                .params(params)
                .query((rs, n) -> new LedgerVersion(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** The workbook a version was imported from; empty for a version imported before V7 kept workbooks. */
    Optional<byte[]> workbook(LedgerVersion version) {
        return jdbc.sql("SELECT workbook FROM ledger_version WHERE id = ? AND workbook IS NOT NULL")
                .param(version.id()).query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** Keeps the workbook of a version imported before V7 kept workbooks; true when it had none. */
    boolean keepWorkbook(LedgerVersion version, byte[] workbook) {
        return jdbc.sql("UPDATE ledger_version SET workbook = ? WHERE id = ? AND workbook IS NULL")
                .params(workbook, version.id()).update() > 0;
    }

    /** The figures of the current version; {@link LedgerCounts#NONE} when none was imported. */
    public LedgerCounts counts() {
        return jdbc.sql("""
                SELECT categories, feedback_points, problems, tasks, units, supervision_groups
                FROM ledger_version ORDER BY id DESC LIMIT 1""")
                .query((rs, n) -> new LedgerCounts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6)))
                .optional()
                .orElse(LedgerCounts.NONE);
    }

    /** All versions ever imported, oldest first. */
    public List<LedgerVersion> versions() {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM ledger_version ORDER BY id")
                .query((rs, n) -> new LedgerVersion(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** As {@link #replace(Ledger, List, String, String, Instant, byte[])} for a ledger without a 考核规则 sheet. */
    @Transactional
    public LedgerVersion replace(Ledger ledger, String contentHash, String sourceFile, Instant importedAt,
                                 byte[] workbook) {
        return replace(ledger, List.of(), contentHash, sourceFile, importedAt, workbook);
    }

    /**
     * Replaces the master list with {@code ledger} and its deduction table with {@code scoring} (the rows of
     * its sheet 考核规则) and records it as a new version with the workbook it was read from ({@code workbook},
     * null for a ledger made in code), all in one transaction: a failure leaves the previous version in place.
     */
    @Transactional
    public LedgerVersion replace(Ledger ledger, List<ScoringRule> scoring, String contentHash, String sourceFile,
                                 Instant importedAt, byte[] workbook) {
        for (String table : List.of("task_cooperator", "task", "problem", "feedback_point", "category", "unit",
                "supervision_group", "scoring_rule")) {
            template.update("DELETE FROM " + table);
        }
        List<Object[]> rules = new ArrayList<>();
        for (int i = 0; i < scoring.size(); i++) {
            ScoringRule rule = scoring.get(i);
            rules.add(new Object[] {rule.item().code(), rule.label(), rule.points(), i + 1});
        }
        template.batchUpdate("INSERT INTO scoring_rule (item, label, points, seq) VALUES (?, ?, ?, ?)", rules);
        List<Object[]> groups = new ArrayList<>();
        for (int i = 0; i < ledger.groups().size(); i++) {
            groups.add(new Object[] {ledger.groups().get(i), i + 1});
        }
        template.batchUpdate("INSERT INTO supervision_group (name, seq) VALUES (?, ?)", groups);
        List<Object[]> units = new ArrayList<>();
        for (int i = 0; i < ledger.units().size(); i++) {
            Unit u = ledger.units().get(i);
            units.add(new Object[] {u.code(), u.name(), u.group(), u.contact(), u.phone(), i + 1});
        }
        template.batchUpdate("INSERT INTO unit (code, name, group_name, contact, phone, seq) VALUES (?, ?, ?, ?, ?, ?)", units);
        template.batchUpdate("INSERT INTO category (seq, title) VALUES (?, ?)",
                ledger.categories().stream().map(c -> new Object[] {c.seq(), c.title()}).toList());
        template.batchUpdate("INSERT INTO feedback_point (seq, category_seq, title) VALUES (?, ?, ?)",
                ledger.feedbackPoints().stream().map(f -> new Object[] {f.seq(), f.categorySeq(), f.title()}).toList());
        List<Object[]> problems = new ArrayList<>();
        for (int i = 0; i < ledger.problems().size(); i++) {
            Problem p = ledger.problems().get(i);
            problems.add(new Object[] {p.code(), p.categorySeq(), p.feedbackPointSeq(), p.description(), i + 1});
        }
        template.batchUpdate("INSERT INTO problem (code, category_seq, feedback_point_seq, description, seq) VALUES (?, ?, ?, ?, ?)", problems);
        List<Object[]> tasks = new ArrayList<>();
        List<Object[]> cooperators = new ArrayList<>();
        for (int i = 0; i < ledger.tasks().size(); i++) {
            Task t = ledger.tasks().get(i);
            LocalDate due = t.deadline().date();
            tasks.add(new Object[] {t.code(), t.problemCode(), t.measure(), t.leadUnit(),
                    due == null ? null : java.sql.Date.valueOf(due), t.deadline().text(), t.longTerm(), i + 1});
            t.cooperators().forEach(c -> cooperators.add(new Object[] {t.code(), c}));
        }
        template.batchUpdate("INSERT INTO task (code, problem_code, measure, lead_unit, deadline, deadline_text, long_term, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", tasks);
        template.batchUpdate("INSERT INTO task_cooperator (task_code, unit_code) VALUES (?, ?)", cooperators);
        // a ledger reverted to an earlier version becomes the current one again: its hash names one version
        template.update("DELETE FROM ledger_version WHERE content_hash = ?", contentHash);
        LedgerInfo info = ledger.info();
        jdbc.sql("""
                INSERT INTO ledger_version (content_hash, source_file, title, feedback_date, cutoff_day, imported_at,
                    categories, feedback_points, problems, tasks, units, supervision_groups, workbook)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(contentHash, sourceFile, info.title(),
                        info.feedbackDate() == null ? null : java.sql.Date.valueOf(info.feedbackDate()),
                        info.cutoffDay(), Timestamp.from(importedAt), ledger.categories().size(),
                        ledger.feedbackPoints().size(), ledger.problems().size(), ledger.tasks().size(),
                        ledger.units().size(), ledger.groups().size(), workbook)
                .update();
        return currentVersion().orElseThrow();
    }

    /** The current version's deduction table (考核规则), in sheet order; empty when its ledger had none. */
    public List<ScoringRule> scoring() {
        // an item no longer known (renamed since the import) is left out: it keeps its default
        return jdbc.sql("SELECT item, label, points FROM scoring_rule ORDER BY seq")
                .query((rs, n) -> {
                    Optional<ScoreItem> item = ScoreItem.named(rs.getString(1));
                    return item.isEmpty() ? null : new ScoringRule(item.get(), rs.getString(2), rs.getBigDecimal(3));
                })
                .list().stream().filter(Objects::nonNull).toList();
    }

    /**
     * Whether a 立行立改 task of the current version falls due on another day than {@code immediateDays}
     * after its 反馈日期 gives: the setting changed since the ledger was imported.
     */
    public boolean immediateDeadlinesDifferFrom(int immediateDays) {
        Optional<LocalDate> feedback = jdbc.sql("SELECT feedback_date FROM ledger_version ORDER BY id DESC LIMIT 1")
                .query(LocalDate.class).optional();
        return feedback.isPresent() && jdbc.sql("SELECT COUNT(*) FROM task WHERE deadline_text = ? AND deadline <> ?")
                .params(Deadline.IMMEDIATE, feedback.get().plusDays(immediateDays))
                .query(Integer.class).single() > 0;
    }

    @SuppressWarnings("unchecked")
    private static <T> T shared(Map<Object, Object> shared, T value) {
        return (T) shared.computeIfAbsent(value, v -> v);
    }

    /** The current master ledger, in ledger order; an empty ledger when none was imported. */
    public Ledger load() {
        LedgerInfo info = jdbc.sql("SELECT title, feedback_date, cutoff_day FROM ledger_version ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new LedgerInfo(rs.getString(1),
                        rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate(), rs.getInt(3)))
                .optional()
                .orElse(new LedgerInfo(LedgerInfo.DEFAULT_TITLE, null, LedgerInfo.DEFAULT_CUTOFF_DAY));
        List<String> groups = jdbc.sql("SELECT name FROM supervision_group ORDER BY seq").query(String.class).list();
        List<Unit> units = jdbc.sql("SELECT code, name, group_name, contact, phone FROM unit ORDER BY seq")
                .query((rs, n) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        List<Category> categories = jdbc.sql("SELECT seq, title FROM category ORDER BY seq")
                .query((rs, n) -> new Category(rs.getInt(1), rs.getString(2))).list();
        List<FeedbackPoint> points = jdbc.sql("SELECT seq, category_seq, title FROM feedback_point ORDER BY seq")
                .query((rs, n) -> new FeedbackPoint(rs.getInt(1), rs.getInt(2), rs.getString(3))).list();
        List<Problem> problems = jdbc.sql("SELECT code, category_seq, feedback_point_seq, description FROM problem ORDER BY seq")
                .query((rs, n) -> new Problem(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3), rs.getString(4)))
                .list();
        // a city ledger has 400,000 tasks: their unit codes, problem codes and deadlines are one instance each
        Map<Object, Object> shared = new HashMap<>();
        units.forEach(u -> shared.put(u.code(), u.code()));
        problems.forEach(p -> shared.put(p.code(), p.code()));
        Map<String, List<String>> cooperators = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.task_code, c.unit_code FROM task_cooperator c JOIN unit u ON u.code = c.unit_code
                ORDER BY c.task_code, u.seq""")
                .query(rs -> {
                    cooperators.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(shared(shared, rs.getString(2)));
                });
        List<Task> tasks = jdbc.sql("SELECT code, problem_code, measure, lead_unit, deadline, deadline_text FROM task ORDER BY seq")
                .query((rs, n) -> new Task(rs.getString(1), shared(shared, rs.getString(2)), rs.getString(3),
                        shared(shared, rs.getString(4)),
                        shared(shared, new Deadline(rs.getString(6), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate())),
                        List.copyOf(cooperators.getOrDefault(rs.getString(1), List.of()))))
                .list();
        return new Ledger(info, groups, units, categories, points, problems, tasks);
    }
}
